/* steals_param_leak_bug.c: a stealing function that drops its argument.
 * queue_push is annotated RF_STEALS(2): it owns item on entry and must
 * store or release it on every path, failure included. When the queue is
 * full it returns -1 and the stolen reference is lost. */
#include <rf.h>

RF_STEALS(2) static int queue_push(rf_object *queue, rf_object *item)
{
    if (rf_list_len(queue) >= 1024)
        return -1; // expect: leak
    int rc = rf_list_append(queue, item);
    RF_DECREF(item);
    return rc;
}

int queue_push_int(rf_object *queue, long v)
{
    rf_object *item = rf_int_new(v);
    if (item == NULL)
        return -1;
    return queue_push(queue, item);
}
