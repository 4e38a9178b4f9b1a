/* list_swap_bug.c: swapping list items without owning both.
 * rf_list_set steals the item it stores and releases the item it replaces.
 * Only b gets an extra reference: a is still borrowed when it is stored
 * (and the first rf_list_set may already have freed it). */
#include <rf.h>

int list_swap(rf_object *list, long i, long j)
{
    rf_object *a = rf_list_get(list, i);
    rf_object *b = rf_list_get(list, j);
    if (a == NULL || b == NULL)
        return -1;
    RF_INCREF(b);
    if (rf_list_set(list, i, b) < 0)
        return -1;
    if (rf_list_set(list, j, a) < 0) // expect: over-release
        return -1;
    return 0;
}
