/* reassign_second_bug.c: reusing a variable that still owns a reference.
 * one_two builds [1, 2] reusing x for both ints. The first int is not
 * released before x is overwritten, so the assignment loses the last owner
 * of that reference. */
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
    x = rf_int_new(2); // expect: leak
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
