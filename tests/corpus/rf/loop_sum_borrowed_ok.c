/* loop_sum_borrowed_ok.c: correct twin of loop_sum_borrowed_bug.c.
 * Borrowed items from rf_list_get are only read, never released. */
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
    }
    return total;
}
