/* user.c: hands a new item to bag_add, which (bag.h) takes it over. */
#include "bag.h"

int add_number(rf_object *bag, long v)
{
    rf_object *item = rf_int_new(v);
    if (item == NULL)
        return -1;
    return bag_add(bag, item);
}
