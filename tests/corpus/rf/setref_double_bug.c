/* setref_double_bug.c: releasing the value RF_SETREF already released.
 * clamp keeps an alias old of the current result, replaces the result with
 * RF_SETREF (which releases the old value), then releases old again. */
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
        RF_DECREF(old); // expect: over-release, use-after-release
    }
    return result;
}
