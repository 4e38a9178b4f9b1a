/* list_set_unchecked_bug.c: an unchecked allocation passed to a stealing
 * argument.
 * rf_int_new may return NULL; rf_list_set's item argument does not accept
 * NULL. The stolen reference itself is fine (no leak), the missing NULL
 * check is the bug. */
#include <rf.h>

int list_reset(rf_object *list)
{
    long n = rf_list_len(list);
    for (long i = 0; i < n; i++) {
        rf_object *zero = rf_int_new(0);
        if (rf_list_set(list, i, zero) < 0) // expect: null-deref
            return -1;
    }
    return 0;
}
