/* decref_param_bug.c: releasing a parameter the function only borrows.
 * Without RF_STEALS, an object parameter is borrowed: the caller keeps its
 * reference. job_finish logs the result and releases it anyway, so every
 * caller's reference is released behind its back. */
#include <stdio.h>
#include <rf.h>

void job_finish(rf_object *result, const char *job)
{
    printf("%s finished: %ld\n", job, rf_int_value(result));
    RF_DECREF(result); // expect: over-release
}
