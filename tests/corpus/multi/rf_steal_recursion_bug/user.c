/* user.c: BUG: sink_b (sink_b.c) steals its item (learned through the
 * recursion with sink_a.c); the caller releases it again. */
#include <rf.h>

int sink_b(rf_object *list, rf_object *item, int depth);

int store_one(rf_object *list)
{
    rf_object *v = rf_int_new(7);
    if (v == NULL)
        return -1;
    int r = sink_b(list, v, 3);
    RF_DECREF(v); // expect: over-release
    return r;
}
