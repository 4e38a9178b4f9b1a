/* loop_decref_inside_bug.c: releasing a loop-invariant reference inside
 * the loop.
 * append_zeros owns one reference to zero but releases it on every
 * iteration: from the second iteration on, the append and the release use
 * an object the function already released. When the loop does not run at
 * all (n <= 0) the reference is never released and is lost at the return. */
#include <rf.h>

int append_zeros(rf_object *list, long n)
{
    rf_object *zero = rf_int_new(0);
    if (zero == NULL)
        return -1;
    int rc = 0;
    for (long i = 0; i < n && rc == 0; i++) {
        rc = rf_list_append(list, zero); // expect: use-after-release
        RF_DECREF(zero); // expect: over-release, use-after-release
    }
    return rc; // expect: leak
}
