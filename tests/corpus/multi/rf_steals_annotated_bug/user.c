/* user.c: BUG: box_put (box.c) steals its item; the caller releases the
 * reference it already gave away. */
#include <rf.h>

int box_put(rf_object *box, rf_object *item);

int fill(rf_object *box, long v)
{
    rf_object *item = rf_int_new(v);
    if (item == NULL)
        return -1;
    int r = box_put(box, item);
    RF_DECREF(item); // expect: over-release
    return r;
}
