/* borrowed_annot_new_ok.c: correct twin of borrowed_annot_new_bug.c.
 * slot_or_zero only ever returns the list's (borrowed) item or NULL; the
 * caller supplies the default. */
#include <rf.h>

RF_BORROWED_REF static rf_object *slot_or_zero(rf_object *list, long i)
{
    rf_object *item = rf_list_get(list, i);
    if (item != NULL)
        return item;
    return NULL;
}

long slot_value(rf_object *list, long i)
{
    rf_object *v = slot_or_zero(list, i);
    if (v == NULL)
        return 0;
    return rf_int_value(v);
}
