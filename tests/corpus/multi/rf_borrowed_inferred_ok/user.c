/* user.c: list_first (list_util.c) returns a new reference: released. */
#include <rf.h>

rf_object *list_first(rf_object *list);

void drop_first(rf_object *list)
{
    rf_object *x = list_first(list);
    RF_XDECREF(x);
}
