/* xdecref_borrowed_ok.c: correct twin of xdecref_borrowed_bug.c.
 * The borrowed value is only read; rf_map_del releases the map's own
 * references. */
#include <rf.h>

long map_take_int(rf_object *map, rf_object *key)
{
    rf_object *old = rf_map_get(map, key);
    if (old == NULL)
        return -1;
    long v = rf_int_value(old);
    if (rf_map_del(map, key) < 0)
        return -1;
    return v;
}
