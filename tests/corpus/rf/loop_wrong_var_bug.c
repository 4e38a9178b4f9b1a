/* loop_wrong_var_bug.c: releasing the wrong variable in a loop.
 * double_all appends 2*x for each x of in to out. It releases the borrowed
 * input item instead of the new doubled int: the release of item takes the
 * input list's reference, and d is lost at the end of each iteration. */
#include <rf.h>

int double_all(rf_object *in, rf_object *out)
{
    long i = 0;
    while (i < rf_list_len(in)) {
        rf_object *item = rf_list_get(in, i);
        if (item == NULL)
            return -1;
        rf_object *d = rf_int_new(2 * rf_int_value(item));
        if (d == NULL)
            return -1;
        if (rf_list_append(out, d) < 0) {
            RF_DECREF(d);
            return -1;
        }
        RF_DECREF(item); // expect: over-release
        i++;
    } // expect: leak
    return 0;
}
