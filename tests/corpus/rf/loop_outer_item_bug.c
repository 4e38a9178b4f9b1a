/* loop_outer_item_bug.c: a loop variable declared outside the loop keeps
 * its reference across iterations.
 * item lives at function scope (goto-error style). The loop never drops it
 * after appending, so the next iteration's assignment overwrites the last
 * owner of the previous item, and the final item is still owned (and lost)
 * at the successful return. */
#include <rf.h>

rf_object *squares(long n)
{
    rf_object *list = NULL, *item = NULL;

    list = rf_list_new();
    if (list == NULL)
        goto error;
    for (long i = 0; i < n; i++) {
        item = rf_int_new(i * i); // expect: leak
        if (item == NULL)
            goto error;
        if (rf_list_append(list, item) < 0)
            goto error;
    }
    return list; // expect: leak

error:
    RF_XDECREF(item);
    RF_XDECREF(list);
    return NULL;
}
