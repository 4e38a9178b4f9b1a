/* list_get_return_ok.c: correct twin of list_get_return_bug.c.
 * The borrowed item is checked for NULL and returned with a new reference
 * (RF_INCREF). */
#include <rf.h>

rf_object *list_last(rf_object *list)
{
    long n = rf_list_len(list);
    if (n <= 0)
        return NULL;
    rf_object *last = rf_list_get(list, n - 1);
    if (last == NULL)
        return NULL;
    RF_INCREF(last);
    return last;
}
