/* setref_double_ok.c: correct twin of setref_double_bug.c.
 * RF_SETREF alone replaces the result and releases the previous value. */
#include <rf.h>

rf_object *clamp(rf_object *value, long lo, long hi)
{
    rf_object *result = rf_newref(value);
    long v = rf_int_value(result);
    if (v < lo || v > hi) {
        rf_object *old = result;
        rf_object *bounded = rf_int_new(v < lo ? lo : hi);
        if (bounded == NULL) {
            RF_DECREF(old);
            return NULL;
        }
        RF_SETREF(result, bounded);
    }
    return result;
}
