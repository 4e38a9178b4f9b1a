/* void_fallthrough_bug.c: a void function ends still owning a reference.
 * pad_with_zeros appends the same zero n times (best effort, errors
 * ignored) and falls off its end without releasing the zero it created. */
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
} // expect: leak
