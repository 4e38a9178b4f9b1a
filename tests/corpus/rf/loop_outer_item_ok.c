/* loop_outer_item_ok.c: correct twin of loop_outer_item_bug.c.
 * RF_CLEAR(item) after each append releases the item and resets item to
 * NULL, so neither the next assignment nor the return loses anything and
 * the error label's RF_XDECREF(item) never releases twice. */
#include <rf.h>

rf_object *squares(long n)
{
    rf_object *list = NULL, *item = NULL;

    list = rf_list_new();
    if (list == NULL)
        goto error;
    for (long i = 0; i < n; i++) {
        item = rf_int_new(i * i);
        if (item == NULL)
            goto error;
        if (rf_list_append(list, item) < 0)
            goto error;
        RF_CLEAR(item);
    }
    return list;

error:
    RF_XDECREF(item);
    RF_XDECREF(list);
    return NULL;
}
