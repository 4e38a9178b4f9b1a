/* reassign_second_ok.c: correct twin of reassign_second_bug.c.
 * x is released before it is reused for the second int. */
#include <rf.h>

rf_object *one_two(void)
{
    rf_object *list = rf_list_new();
    if (list == NULL)
        return NULL;
    rf_object *x = rf_int_new(1);
    if (x == NULL)
        goto fail;
    if (rf_list_append(list, x) < 0)
        goto fail_x;
    RF_DECREF(x);
    x = rf_int_new(2);
    if (x == NULL)
        goto fail;
    if (rf_list_append(list, x) < 0)
        goto fail_x;
    RF_DECREF(x);
    return list;

fail_x:
    RF_DECREF(x);
fail:
    RF_DECREF(list);
    return NULL;
}
