/* double_decref_bug.c: the same reference released twice.
 * replace_entry releases v right after rf_map_set, then releases it again
 * in the failure branch (a copy-pasted cleanup): the second RF_DECREF
 * drops a reference the function no longer has, and uses a released
 * object. */
#include <rf.h>

int replace_entry(rf_object *map, rf_object *key, long n)
{
    rf_object *v = rf_int_new(n);
    if (v == NULL)
        return -1;
    int rc = rf_map_set(map, key, v);
    RF_DECREF(v);
    if (rc < 0) {
        RF_DECREF(v); // expect: over-release, use-after-release
        return -1;
    }
    return 0;
}
