/* clean.c: no findings (an empty SARIF run must still be valid). */
#include <rf.h>

long clean(long v) {
    rf_object *x = rf_int_new(v);
    if (!x)
        return -1;
    long r = rf_int_value(x);
    RF_DECREF(x);
    return r;
}
