/* map_rename_bug.c: an extra reference kept alive across a call, lost on
 * its failure path.
 * map_rename takes a reference to the value so that rf_map_del cannot free
 * it before it is stored under the new key. When rf_map_del fails, that
 * reference is never released. */
#include <rf.h>

int map_rename(rf_object *map, rf_object *old_key, rf_object *new_key)
{
    rf_object *v = rf_map_get(map, old_key);
    if (v == NULL)
        return -1;
    RF_INCREF(v);
    if (rf_map_del(map, old_key) < 0)
        return -1; // expect: leak
    int rc = rf_map_set(map, new_key, v);
    RF_DECREF(v);
    return rc;
}
