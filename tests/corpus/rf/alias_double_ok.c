/* alias_double_ok.c: correct twin of alias_double_bug.c.
 * The one reference shared by v and same is released once. */
#include <rf.h>

int set_both(rf_object *map, rf_object *k1, rf_object *k2, long n)
{
    rf_object *v = rf_int_new(n);
    if (v == NULL)
        return -1;
    rf_object *same = v;
    int rc = rf_map_set(map, k1, v);
    if (rc == 0)
        rc = rf_map_set(map, k2, same);
    RF_DECREF(v);
    return rc;
}
