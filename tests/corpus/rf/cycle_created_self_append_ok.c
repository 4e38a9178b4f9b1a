/* cycle-created: a list given a fresh item, not itself: no cycle. */
#include <rf.h>

RF_STATUS int nest_item(void)
{
    rf_object *l = rf_list_new();
    if (l == NULL)
        return -1;
    rf_object *item = rf_int_new(1);
    if (item == NULL) {
        RF_DECREF(l);
        return -1;
    }
    int r = rf_list_append(l, item);
    RF_DECREF(item);
    RF_DECREF(l);
    return r;
}
