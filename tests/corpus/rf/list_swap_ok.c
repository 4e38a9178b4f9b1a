/* list_swap_ok.c: correct twin of list_swap_bug.c.
 * Both items are made owned with RF_INCREF before either slot is replaced;
 * each rf_list_set steals one of them (even on failure), and a is released
 * if the first store fails before it could be stored. */
#include <rf.h>

int list_swap(rf_object *list, long i, long j)
{
    rf_object *a = rf_list_get(list, i);
    rf_object *b = rf_list_get(list, j);
    if (a == NULL || b == NULL)
        return -1;
    RF_INCREF(a);
    RF_INCREF(b);
    if (rf_list_set(list, i, b) < 0) {
        RF_DECREF(a);
        return -1;
    }
    if (rf_list_set(list, j, a) < 0)
        return -1;
    return 0;
}
