/* list_set_param_bug.c: giving away a borrowed parameter to a stealing
 * call.
 * list_fill borrows value from its caller, yet hands it to rf_list_set,
 * which steals one reference per call: each slot takes a reference the
 * function never owned. */
#include <rf.h>

int list_fill(rf_object *list, rf_object *value)
{
    long n = rf_list_len(list);
    for (long i = 0; i < n; i++) {
        if (rf_list_set(list, i, value) < 0) // expect: over-release
            return -1;
    }
    return 0;
}
