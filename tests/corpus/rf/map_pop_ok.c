/* map_pop_ok.c: correct twin of map_pop_bug.c.
 * The value gets its own reference before rf_map_del drops the map's, and
 * that reference is released if the delete fails. */
#include <rf.h>

rf_object *map_pop(rf_object *map, rf_object *key)
{
    rf_object *value = rf_map_get(map, key);
    if (value == NULL)
        return NULL;
    RF_INCREF(value);
    if (rf_map_del(map, key) < 0) {
        RF_DECREF(value);
        return NULL;
    }
    return value;
}
