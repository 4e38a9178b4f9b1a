/* clean.c: correct code; refflow must report nothing and exit 0. */
#include <rf.h>

long twice(long v) {
    rf_object *x = rf_int_new(v);
    if (!x)
        return -1;
    long r = rf_int_value(x) * 2;
    RF_DECREF(x);
    return r;
}
