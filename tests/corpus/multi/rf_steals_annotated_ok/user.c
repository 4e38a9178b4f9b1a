/* user.c: box_put (box.c) steals its item: nothing left to release. */
#include <rf.h>

int box_put(rf_object *box, rf_object *item);

int fill(rf_object *box, long v)
{
    rf_object *item = rf_int_new(v);
    if (item == NULL)
        return -1;
    return box_put(box, item);
}
