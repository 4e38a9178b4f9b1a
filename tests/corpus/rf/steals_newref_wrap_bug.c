/* steals_newref_wrap_bug.c: a stealing constructor that loses its argument
 * on failure.
 * wrap_one (RF_NEW_REF, RF_STEALS(1)) consumes item and returns a new list
 * holding it. When the list cannot be created it returns NULL without
 * releasing the stolen item. */
#include <rf.h>

RF_NEW_REF RF_STEALS(1) rf_object *wrap_one(rf_object *item)
{
    rf_object *list = rf_list_new();
    if (list == NULL)
        return NULL; // expect: leak
    int rc = rf_list_append(list, item);
    RF_DECREF(item);
    if (rc < 0) {
        RF_DECREF(list);
        return NULL;
    }
    return list;
}
