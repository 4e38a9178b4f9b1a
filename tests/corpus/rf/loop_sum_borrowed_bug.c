/* loop_sum_borrowed_bug.c: releasing borrowed list items.
 * rf_list_get returns a borrowed reference: the list still owns the item.
 * sum_ints releases each item after reading it, taking away the list's
 * reference (the items get freed while the list still points at them). */
#include <rf.h>

long sum_ints(rf_object *list)
{
    long total = 0;
    long n = rf_list_len(list);
    for (long i = 0; i < n; i++) {
        rf_object *item = rf_list_get(list, i);
        if (item == NULL)
            return -1;
        total += rf_int_value(item);
        RF_DECREF(item); // expect: over-release
    }
    return total;
}
