/* uaf_setref_prev_ok.c: correct twin of uaf_setref_prev_bug.c.
 * The log line is written while prev is still alive, before RF_SETREF
 * releases it. */
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
    printf("%ld -> %ld\n", rf_int_value(prev), rf_int_value(next));
    RF_SETREF(cur, next);
    return cur;
}
