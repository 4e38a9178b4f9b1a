/* loop_error_return_bug.c: an early return inside a loop loses the
 * container.
 * When rf_int_new fails in the middle of the loop, copy_ints returns NULL
 * but forgets the partially filled list it owns. */
#include <rf.h>

rf_object *copy_ints(const long *values, long n)
{
    rf_object *list = rf_list_new();
    if (list == NULL)
        return NULL;
    for (long i = 0; i < n; i++) {
        rf_object *v = rf_int_new(values[i]);
        if (v == NULL)
            return NULL; // expect: leak
        int rc = rf_list_append(list, v);
        RF_DECREF(v);
        if (rc < 0) {
            RF_DECREF(list);
            return NULL;
        }
    }
    return list;
}
