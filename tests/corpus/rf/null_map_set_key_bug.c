/* null_map_set_key_bug.c: only one of two allocations checked.
 * set_flag checks the value but not the key before rf_map_set, whose key
 * argument does not accept NULL. */
#include <rf.h>

int set_flag(rf_object *flags, const char *name)
{
    rf_object *key = rf_str_new(name);
    rf_object *one = rf_int_new(1);
    if (one == NULL) {
        RF_XDECREF(key);
        return -1;
    }
    int rc = rf_map_set(flags, key, one); // expect: null-deref
    RF_XDECREF(key);
    RF_DECREF(one);
    return rc;
}
