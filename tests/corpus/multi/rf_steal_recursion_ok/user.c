/* user.c: sink_b (sink_b.c) steals its item: nothing left to release. */
#include <rf.h>

int sink_b(rf_object *list, rf_object *item, int depth);

int store_one(rf_object *list)
{
    rf_object *v = rf_int_new(7);
    if (v == NULL)
        return -1;
    return sink_b(list, v, 3);
}
