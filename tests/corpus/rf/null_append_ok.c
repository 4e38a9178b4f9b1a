/* null_append_ok.c: correct twin of null_append_bug.c.
 * The new int is checked before it is appended; the list is released on
 * that failure path. */
#include <rf.h>

rf_object *singleton(long n)
{
    rf_object *list = rf_list_new();
    if (list == NULL)
        return NULL;
    rf_object *item = rf_int_new(n);
    if (item == NULL) {
        RF_DECREF(list);
        return NULL;
    }
    int rc = rf_list_append(list, item);
    RF_XDECREF(item);
    if (rc < 0) {
        RF_DECREF(list);
        return NULL;
    }
    return list;
}
