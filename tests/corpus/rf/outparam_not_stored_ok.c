/* outparam_not_stored_ok.c: correct twin of outparam_not_stored_bug.c.
 * Storing the new list in *out hands the reference to the caller; the
 * empty-range path releases the list and stores NULL instead. */
#include <rf.h>

int make_range(long lo, long hi, rf_object **out)
{
    rf_object *list = rf_list_new();
    if (list == NULL)
        return -1;
    for (long i = lo; i < hi; i++) {
        rf_object *v = rf_int_new(i);
        if (v == NULL) {
            RF_DECREF(list);
            return -1;
        }
        int rc = rf_list_append(list, v);
        RF_DECREF(v);
        if (rc < 0) {
            RF_DECREF(list);
            return -1;
        }
    }
    if (rf_list_len(list) == 0) {
        RF_DECREF(list);
        *out = NULL;
        return 1;
    }
    *out = list;
    return 0;
}
