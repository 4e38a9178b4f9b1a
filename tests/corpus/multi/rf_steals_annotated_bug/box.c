/* box.c: box_put takes over its item (RF_STEALS(2) on the definition;
 * the header its callers use says nothing). */
#include <rf.h>

RF_STEALS(2) int box_put(rf_object *box, rf_object *item)
{
    return rf_list_set(box, 0, item);
}
