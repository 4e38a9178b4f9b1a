/* borrowed_annot_new_bug.c: an RF_BORROWED_REF function returning a new
 * object.
 * slot_or_zero promises a borrowed reference, so its callers never release
 * the result. Returning a freshly made int hands out a reference nobody
 * will release: it is lost at that return. */
#include <rf.h>

RF_BORROWED_REF static rf_object *slot_or_zero(rf_object *list, long i)
{
    rf_object *item = rf_list_get(list, i);
    if (item != NULL)
        return item;
    return rf_int_new(0); // expect: leak
}

long slot_value(rf_object *list, long i)
{
    rf_object *v = slot_or_zero(list, i);
    if (v == NULL)
        return 0;
    return rf_int_value(v);
}
