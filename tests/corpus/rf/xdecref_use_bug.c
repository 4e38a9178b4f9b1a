/* xdecref_use_bug.c: using a string after RF_XDECREF released it.
 * register_name appends a new name to names, then indexes it in index.
 * The name is released right after the append, but is used again as the
 * map key: the function no longer owns any reference to it. */
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
    RF_XDECREF(name);
    rf_object *pos = rf_int_new(rf_list_len(names) - 1);
    if (pos == NULL)
        return -1;
    int rc = rf_map_set(index, name, pos); // expect: use-after-release
    RF_DECREF(pos);
    return rc;
}
