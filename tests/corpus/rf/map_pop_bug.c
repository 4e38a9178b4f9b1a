/* map_pop_bug.c: popping a map entry without taking a reference.
 * map_pop returns the removed value as a new reference. It returns the
 * borrowed rf_map_get result, whose only owner (the map) has just released
 * it in rf_map_del. */
#include <rf.h>

rf_object *map_pop(rf_object *map, rf_object *key)
{
    rf_object *value = rf_map_get(map, key);
    if (value == NULL)
        return NULL;
    if (rf_map_del(map, key) < 0)
        return NULL;
    return value; // expect: borrowed-return
}
