/* setref_borrowed_src_bug.c: RF_SETREF to a borrowed value, then returned.
 * first_or_zero starts with a new int 0 and replaces it with the list's
 * first item. RF_SETREF releases the old value but does not add a
 * reference to the new one: result then holds a borrowed item, returned
 * where a new reference is due. */
#include <rf.h>

rf_object *first_or_zero(rf_object *list)
{
    rf_object *result = rf_int_new(0);
    if (result == NULL)
        return NULL;
    rf_object *item = rf_list_get(list, 0);
    if (item != NULL) {
        RF_SETREF(result, item);
    }
    return result; // expect: borrowed-return
}
