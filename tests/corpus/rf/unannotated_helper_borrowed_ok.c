/* unannotated_helper_borrowed_ok.c: correct twin of
 * unannotated_helper_borrowed_bug.c.
 * get_first is annotated RF_BORROWED_REF, so returning the borrowed item
 * is its contract, and the caller only reads it. */
#include <rf.h>

RF_BORROWED_REF static rf_object *get_first(rf_object *list)
{
    rf_object *item = rf_list_get(list, 0);
    return item;
}

long first_value(rf_object *list)
{
    rf_object *item = get_first(list);
    if (item == NULL)
        return -1;
    long v = rf_int_value(item);
    return v;
}
