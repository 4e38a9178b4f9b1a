/* steals_caller_borrowed_ok.c: correct twin of steals_caller_borrowed_bug.c.
 * Each borrowed item is turned into a new reference (rf_newref) for
 * queue_push to steal. */
#include <rf.h>

RF_STEALS(2) static int queue_push(rf_object *queue, rf_object *item)
{
    int rc = rf_list_append(queue, item);
    RF_DECREF(item);
    return rc;
}

int queue_push_all(rf_object *queue, rf_object *items)
{
    long n = rf_list_len(items);
    for (long i = 0; i < n; i++) {
        rf_object *item = rf_list_get(items, i);
        if (item == NULL)
            return -1;
        if (queue_push(queue, rf_newref(item)) < 0)
            return -1;
    }
    return 0;
}
