/* null_map_get_incref_bug.c: RF_INCREF of a lookup result that may be NULL.
 * lookup returns a new reference to the value for key, or NULL. rf_map_get
 * returns NULL for a missing key, and RF_INCREF does not accept NULL. */
#include <rf.h>

rf_object *lookup(rf_object *map, rf_object *key)
{
    rf_object *v = rf_map_get(map, key);
    RF_INCREF(v); // expect: null-deref
    return v;
}
