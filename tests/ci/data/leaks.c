/* leaks.c: two leaks and a pair of identical ones, for the CI tests
 * (tests/ci/ci_test.py copies and edits it: fingerprints, baselines). */
#include <rf.h>

long first(long v) {
    rf_object *x = rf_int_new(v);
    if (!x)
        return -1;
    return rf_int_value(x);
}

long second(long v) {
    rf_object *y = rf_int_new(v);
    if (!y)
        return -1;
    return rf_int_value(y);
}

void twice(long v) {
    rf_int_new(v);
    rf_int_new(v);
}
