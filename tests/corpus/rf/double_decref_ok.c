/* double_decref_ok.c: correct twin of double_decref_bug.c.
 * v is released exactly once, after rf_map_set, on both outcomes. */
#include <rf.h>

int replace_entry(rf_object *map, rf_object *key, long n)
{
    rf_object *v = rf_int_new(n);
    if (v == NULL)
        return -1;
    int rc = rf_map_set(map, key, v);
    RF_DECREF(v);
    if (rc < 0) {
        return -1;
    }
    return 0;
}
