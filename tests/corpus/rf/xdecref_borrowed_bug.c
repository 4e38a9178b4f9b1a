/* xdecref_borrowed_bug.c: RF_XDECREF on a borrowed map value.
 * rf_map_get returns a borrowed reference (or NULL). RF_XDECREF skips NULL
 * but still releases a non-NULL value the function never owned: the map's
 * reference is taken away before rf_map_del releases it again. */
#include <rf.h>

long map_take_int(rf_object *map, rf_object *key)
{
    rf_object *old = rf_map_get(map, key);
    if (old == NULL)
        return -1;
    long v = rf_int_value(old);
    RF_XDECREF(old); // expect: over-release
    if (rf_map_del(map, key) < 0)
        return -1;
    return v;
}
