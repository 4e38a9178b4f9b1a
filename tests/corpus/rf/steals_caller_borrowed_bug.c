/* steals_caller_borrowed_bug.c: passing borrowed items to a stealing
 * function.
 * queue_push_all forwards the borrowed items of a list to queue_push,
 * which steals (and releases) one reference each: references the caller
 * never owned. */
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
        if (queue_push(queue, item) < 0) // expect: over-release
            return -1;
    }
    return 0;
}
