/* bag.c: bag_add steals its item, as bag.h declares: appended (a new
 * reference the list takes), then its own released. */
#include "bag.h"

int bag_add(rf_object *bag, rf_object *item)
{
    int r = rf_list_append(bag, item);
    RF_DECREF(item);
    return r;
}
