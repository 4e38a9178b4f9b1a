/* uaf_setref_prev_bug.c: using a value after RF_SETREF released it.
 * increment_logged keeps prev, an alias of the current int, for a log
 * line. RF_SETREF(cur, next) releases that int, so reading prev
 * afterwards uses a released object. */
#include <stdio.h>
#include <rf.h>

rf_object *increment_logged(long start)
{
    rf_object *cur = rf_int_new(start);
    if (cur == NULL)
        return NULL;
    rf_object *prev = cur;
    rf_object *next = rf_int_new(start + 1);
    if (next == NULL) {
        RF_DECREF(cur);
        return NULL;
    }
    RF_SETREF(cur, next);
    printf("%ld -> %ld\n", rf_int_value(prev), rf_int_value(cur)); // expect: use-after-release
    return cur;
}
