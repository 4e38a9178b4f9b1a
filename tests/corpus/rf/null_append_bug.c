/* null_append_bug.c: an unchecked allocation passed to rf_list_append.
 * rf_int_new returns NULL when memory runs out; rf_list_append does not
 * accept a NULL item. The missing check is the bug (the later RF_XDECREF
 * is NULL-safe). */
#include <rf.h>

rf_object *singleton(long n)
{
    rf_object *list = rf_list_new();
    if (list == NULL)
        return NULL;
    rf_object *item = rf_int_new(n);
    int rc = rf_list_append(list, item); // expect: null-deref
    RF_XDECREF(item);
    if (rc < 0) {
        RF_DECREF(list);
        return NULL;
    }
    return list;
}
