/* alias_double_bug.c: double release through two names for one reference.
 * same is an alias of v, not a second reference. Releasing both v and same
 * releases the single owned reference twice. */
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
    RF_DECREF(same); // expect: over-release, use-after-release
    return rc;
}
