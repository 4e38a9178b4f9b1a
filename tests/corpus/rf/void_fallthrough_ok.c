/* void_fallthrough_ok.c: correct twin of void_fallthrough_bug.c.
 * The zero is released once the loop is done. */
#include <rf.h>

void pad_with_zeros(rf_object *list, long n)
{
    rf_object *zero = rf_int_new(0);
    if (zero == NULL)
        return;
    for (long i = 0; i < n; i++) {
        if (rf_list_append(list, zero) < 0)
            break;
    }
    RF_DECREF(zero);
}
