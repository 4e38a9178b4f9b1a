/* xdecref_use_ok.c: correct twin of xdecref_use_bug.c.
 * The name is released only after its last use as the map key, on every
 * path. */
#include <rf.h>

int register_name(rf_object *names, rf_object *index, const char *text)
{
    rf_object *name = rf_str_new(text);
    if (name == NULL)
        return -1;
    if (rf_list_append(names, name) < 0) {
        RF_DECREF(name);
        return -1;
    }
    rf_object *pos = rf_int_new(rf_list_len(names) - 1);
    if (pos == NULL) {
        RF_XDECREF(name);
        return -1;
    }
    int rc = rf_map_set(index, name, pos);
    RF_XDECREF(name);
    RF_DECREF(pos);
    return rc;
}
