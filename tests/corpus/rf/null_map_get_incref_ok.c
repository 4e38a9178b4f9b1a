/* null_map_get_incref_ok.c: correct twin of null_map_get_incref_bug.c.
 * RF_XINCREF accepts NULL: a missing key returns NULL, a present one a new
 * reference. */
#include <rf.h>

rf_object *lookup(rf_object *map, rf_object *key)
{
    rf_object *v = rf_map_get(map, key);
    RF_XINCREF(v);
    return v;
}
