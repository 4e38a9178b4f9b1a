/* cycle-created: a list appended to itself holds a reference to itself;
 * only the collector can free it (a note: rf lists are traced). */
#include <rf.h>

RF_STATUS int nest_self(void)
{
    rf_object *l = rf_list_new();
    if (l == NULL)
        return -1;
    int r = rf_list_append(l, l); // expect: cycle-created
    RF_DECREF(l);
    return r;
}
