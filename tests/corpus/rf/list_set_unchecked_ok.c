/* list_set_unchecked_ok.c: correct twin of list_set_unchecked_bug.c.
 * The new int is checked for NULL before rf_list_set steals it. */
#include <rf.h>

int list_reset(rf_object *list)
{
    long n = rf_list_len(list);
    for (long i = 0; i < n; i++) {
        rf_object *zero = rf_int_new(0);
        if (zero == NULL)
            return -1;
        if (rf_list_set(list, i, zero) < 0)
            return -1;
    }
    return 0;
}
