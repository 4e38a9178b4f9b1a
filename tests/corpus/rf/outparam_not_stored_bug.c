/* outparam_not_stored_bug.c: a result meant for an out-parameter is
 * dropped on one path.
 * make_range stores the new list in *out on success. For an empty range it
 * returns 1 without storing or releasing the list, which is lost. */
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
    if (rf_list_len(list) == 0)
        return 1; // expect: leak
    *out = list;
    return 0;
}
