/* leaky.c: one leak; refflow must report it and exit 1. */
#include <rf.h>

long leaky(long v) {
    rf_object *x = rf_int_new(v);
    if (!x)
        return -1;
    return rf_int_value(x); // expect: leak
}
