/* loop_error_return_ok.c: correct twin of loop_error_return_bug.c.
 * Every early return inside the loop releases the list first. */
#include <rf.h>

rf_object *copy_ints(const long *values, long n)
{
    rf_object *list = rf_list_new();
    if (list == NULL)
        return NULL;
    for (long i = 0; i < n; i++) {
        rf_object *v = rf_int_new(values[i]);
        if (v == NULL) {
            RF_DECREF(list);
            return NULL;
        }
        int rc = rf_list_append(list, v);
        RF_DECREF(v);
        if (rc < 0) {
            RF_DECREF(list);
            return NULL;
        }
    }
    return list;
}
