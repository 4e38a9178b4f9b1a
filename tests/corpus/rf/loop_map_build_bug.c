/* loop_map_build_bug.c: leak per iteration while filling a map.
 * index_names maps each name of a list to its position. The names are
 * borrowed from the list (nothing to release), but each position int is a
 * new reference that rf_map_set does not steal: it is lost at the end of
 * every iteration that stored it. */
#include <rf.h>

rf_object *index_names(rf_object *names)
{
    rf_object *map = rf_map_new();
    if (map == NULL)
        return NULL;
    long n = rf_list_len(names);
    for (long i = 0; i < n; i++) {
        rf_object *name = rf_list_get(names, i);
        if (name == NULL)
            continue;
        rf_object *index = rf_int_new(i);
        if (index == NULL) {
            RF_DECREF(map);
            return NULL;
        }
        if (rf_map_set(map, name, index) < 0) {
            RF_DECREF(index);
            RF_DECREF(map);
            return NULL;
        }
    } // expect: leak
    return map;
}
