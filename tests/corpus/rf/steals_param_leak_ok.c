/* steals_param_leak_ok.c: correct twin of steals_param_leak_bug.c.
 * queue_push releases the stolen item on the "queue full" path too; its
 * caller hands over its new reference and keeps nothing. */
#include <rf.h>

RF_STEALS(2) static int queue_push(rf_object *queue, rf_object *item)
{
    if (rf_list_len(queue) >= 1024) {
        RF_DECREF(item);
        return -1;
    }
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
