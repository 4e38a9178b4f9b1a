/* steals_caller_decref_bug.c: releasing an argument after a stealing call.
 * queue_push (RF_STEALS(2)) takes the caller's reference to item. The
 * caller releases it again afterwards, a reference it no longer owns. */
#include <rf.h>

RF_STEALS(2) static int queue_push(rf_object *queue, rf_object *item)
{
    int rc = rf_list_append(queue, item);
    RF_DECREF(item);
    return rc;
}

int queue_push_int(rf_object *queue, long v)
{
    rf_object *item = rf_int_new(v);
    if (item == NULL)
        return -1;
    int rc = queue_push(queue, item);
    RF_DECREF(item); // expect: over-release
    return rc;
}
