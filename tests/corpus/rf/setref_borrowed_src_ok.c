/* setref_borrowed_src_ok.c: correct twin of setref_borrowed_src_bug.c.
 * RF_SETREF gets a new reference (rf_newref) to the borrowed item, so
 * result always holds a new reference. */
#include <rf.h>

rf_object *first_or_zero(rf_object *list)
{
    rf_object *result = rf_int_new(0);
    if (result == NULL)
        return NULL;
    rf_object *item = rf_list_get(list, 0);
    if (item != NULL) {
        RF_SETREF(result, rf_newref(item));
    }
    return result;
}
