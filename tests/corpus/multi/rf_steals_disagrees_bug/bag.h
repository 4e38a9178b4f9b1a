/* bag.h: bag_add takes over its item, says its declaration. */
#include <rf.h>

RF_STEALS(2) int bag_add(rf_object *bag, rf_object *item);
