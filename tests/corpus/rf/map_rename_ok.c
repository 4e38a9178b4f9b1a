/* map_rename_ok.c: correct twin of map_rename_bug.c.
 * The extra reference is released on the rf_map_del failure path too. */
#include <rf.h>

int map_rename(rf_object *map, rf_object *old_key, rf_object *new_key)
{
    rf_object *v = rf_map_get(map, old_key);
    if (v == NULL)
        return -1;
    RF_INCREF(v);
    if (rf_map_del(map, old_key) < 0) {
        RF_DECREF(v);
        return -1;
    }
    int rc = rf_map_set(map, new_key, v);
    RF_DECREF(v);
    return rc;
}
