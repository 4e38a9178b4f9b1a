/* loop_append_ok.c: correct twin of loop_append_bug.c.
 * Each item is released once the list holds its own reference to it. */
#include <rf.h>

rf_object *range_list(long n)
{
    rf_object *list = rf_list_new();
    if (list == NULL)
        return NULL;
    for (long i = 0; i < n; i++) {
        rf_object *item = rf_int_new(i);
        if (item == NULL) {
            RF_DECREF(list);
            return NULL;
        }
        if (rf_list_append(list, item) < 0) {
            RF_DECREF(item);
            RF_DECREF(list);
            return NULL;
        }
        RF_DECREF(item);
    }
    return list;
}
