/* null_map_set_key_ok.c: correct twin of null_map_set_key_bug.c.
 * Both allocations are checked; RF_XDECREF releases whichever of them
 * succeeded when the other failed. */
#include <rf.h>

int set_flag(rf_object *flags, const char *name)
{
    rf_object *key = rf_str_new(name);
    rf_object *one = rf_int_new(1);
    if (key == NULL || one == NULL) {
        RF_XDECREF(key);
        RF_XDECREF(one);
        return -1;
    }
    int rc = rf_map_set(flags, key, one);
    RF_XDECREF(key);
    RF_DECREF(one);
    return rc;
}
