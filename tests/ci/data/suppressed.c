/* suppressed.c: refflow-ignore comments, for tests/ci/ci_test.py. Every
 * function leaks 'x' on its last line; the comments decide which of those
 * leaks are reported. */
#include <rf.h>

long same_line(long v) {
    rf_object *x = rf_int_new(v);
    if (!x)
        return -1;
    return rf_int_value(x); // refflow-ignore[leak]: suppressed on its own line
}

long line_above(long v) {
    rf_object *x = rf_int_new(v);
    if (!x)
        return -1;
    // refflow-ignore[over-release, leak]: suppressed from the line above
    return rf_int_value(x);
}

long every_check(long v) {
    rf_object *x = rf_int_new(v);
    if (!x)
        return -1;
    return rf_int_value(x); /* refflow-ignore[*]: every check */
}

long no_reason(long v) {
    rf_object *x = rf_int_new(v);
    if (!x)
        return -1;
    return rf_int_value(x); // refflow-ignore[leak]
}

long wrong_check(long v) {
    rf_object *x = rf_int_new(v);
    if (!x)
        return -1;
    return rf_int_value(x); // refflow-ignore[over-release]: not the check reported here
}

long trailing_above(long v) {
    rf_object *x = rf_int_new(v);
    if (!x) return -1; // refflow-ignore[leak]: a trailing comment covers its own line only
    return rf_int_value(x);
}

long unknown_check(long v) {
    rf_object *x = rf_int_new(v);
    if (!x)
        return -1;
    return rf_int_value(x); // refflow-ignore[leek]: a typo suppresses nothing
}
