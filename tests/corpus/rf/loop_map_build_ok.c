/* loop_map_build_ok.c: correct twin of loop_map_build_bug.c.
 * The position int is released after rf_map_set on every iteration; the
 * borrowed name is left alone. */
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
        RF_DECREF(index);
    }
    return map;
}
