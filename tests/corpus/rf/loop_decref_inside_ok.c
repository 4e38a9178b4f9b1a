/* loop_decref_inside_ok.c: correct twin of loop_decref_inside_bug.c.
 * The one reference to zero is released once, after the loop. */
#include <rf.h>

int append_zeros(rf_object *list, long n)
{
    rf_object *zero = rf_int_new(0);
    if (zero == NULL)
        return -1;
    int rc = 0;
    for (long i = 0; i < n && rc == 0; i++) {
        rc = rf_list_append(list, zero);
    }
    RF_DECREF(zero);
    return rc;
}
