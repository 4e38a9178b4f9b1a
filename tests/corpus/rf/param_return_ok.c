/* param_return_ok.c: correct twin of param_return_bug.c.
 * The parameter is returned with a reference of its own (RF_INCREF); the
 * other path returns a new int (or NULL). */
#include <rf.h>

rf_object *non_negative(rf_object *value)
{
    if (rf_int_value(value) >= 0) {
        RF_INCREF(value);
        return value;
    }
    return rf_int_new(0);
}
