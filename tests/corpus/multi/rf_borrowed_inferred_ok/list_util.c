/* list_util.c: list_first returns a new reference to the first item. */
#include <rf.h>

rf_object *list_first(rf_object *list)
{
    rf_object *x = rf_list_get(list, 0);
    if (x == NULL)
        return NULL;
    return rf_newref(x);
}
