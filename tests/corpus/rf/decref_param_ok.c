/* decref_param_ok.c: correct twin of decref_param_bug.c.
 * job_finish is annotated RF_STEALS(1): it takes over its caller's
 * reference to result, so releasing it is its duty. */
#include <stdio.h>
#include <rf.h>

RF_STEALS(1) void job_finish(rf_object *result, const char *job)
{
    printf("%s finished: %ld\n", job, rf_int_value(result));
    RF_DECREF(result);
}
