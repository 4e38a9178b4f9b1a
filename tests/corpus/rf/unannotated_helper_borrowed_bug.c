/* unannotated_helper_borrowed_bug.c: an unannotated static helper returning
 * a borrowed item, and a caller that releases it.
 * refflow infers get_first's contract from its body (every non-NULL result
 * is borrowed: "borrowed?"), so the mismatch is reported where the caller
 * releases a reference it was never given. */
#include <rf.h>

static rf_object *get_first(rf_object *list)
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
    RF_DECREF(item); // expect: over-release
    return v;
}
