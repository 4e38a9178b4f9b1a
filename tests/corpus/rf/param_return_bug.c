/* param_return_bug.c: returning a borrowed parameter as a new reference.
 * non_negative returns value itself when it is already >= 0. The caller's
 * reference is only lent, and the caller will release the result: one
 * release too many. */
#include <rf.h>

rf_object *non_negative(rf_object *value)
{
    if (rf_int_value(value) >= 0)
        return value; // expect: borrowed-return
    return rf_int_new(0);
}
