/* steals_newref_wrap_ok.c: correct twin of steals_newref_wrap_bug.c.
 * The stolen item is released on the failure path as well. */
#include <rf.h>

RF_NEW_REF RF_STEALS(1) rf_object *wrap_one(rf_object *item)
{
    rf_object *list = rf_list_new();
    if (list == NULL) {
        RF_DECREF(item);
        return NULL;
    }
    int rc = rf_list_append(list, item);
    RF_DECREF(item);
    if (rc < 0) {
        RF_DECREF(list);
        return NULL;
    }
    return list;
}
