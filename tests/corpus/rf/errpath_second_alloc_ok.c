/* errpath_second_alloc_ok.c: correct twin of errpath_second_alloc_bug.c.
 * When the second rf_int_new fails, the first int and the list are released
 * before returning NULL, so no path loses a reference. */
#include <rf.h>

rf_object *make_pair(long a, long b)
{
    rf_object *list = rf_list_new();
    if (list == NULL)
        return NULL;
    rf_object *first = rf_int_new(a);
    if (first == NULL) {
        RF_DECREF(list);
        return NULL;
    }
    rf_object *second = rf_int_new(b);
    if (second == NULL) {
        RF_DECREF(first);
        RF_DECREF(list);
        return NULL;
    }
    if (rf_list_append(list, first) < 0)
        goto fail;
    if (rf_list_append(list, second) < 0)
        goto fail;
    RF_DECREF(first);
    RF_DECREF(second);
    return list;

fail:
    RF_DECREF(first);
    RF_DECREF(second);
    RF_DECREF(list);
    return NULL;
}
