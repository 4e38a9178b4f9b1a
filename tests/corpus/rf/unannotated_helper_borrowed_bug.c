/* unannotated_helper_borrowed_bug.c: an unannotated helper returning a
 * borrowed item.
 * A function defined here that returns rf_object * without annotation
 * promises a new reference. get_first returns rf_list_get's borrowed item
 * instead, and its caller (trusting the contract) releases it. */
#include <rf.h>

static rf_object *get_first(rf_object *list)
{
    rf_object *item = rf_list_get(list, 0);
    return item; // expect: borrowed-return
}

long first_value(rf_object *list)
{
    rf_object *item = get_first(list);
    if (item == NULL)
        return -1;
    long v = rf_int_value(item);
    RF_DECREF(item);
    return v;
}
