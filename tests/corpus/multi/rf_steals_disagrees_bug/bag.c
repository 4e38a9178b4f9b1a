/* bag.c: BUG: bag_add is declared to steal its item (bag.h), but its body
 * only appends it (rf_list_append does not steal): the reference it was
 * given is lost, reported in its body. The caller goes by the declaration. */
#include "bag.h"

int bag_add(rf_object *bag, rf_object *item)
{
    return rf_list_append(bag, item); // expect: leak
}
