/* loop_append_bug.c: a new reference leaked on every loop iteration.
 * range_list appends a fresh int per iteration. rf_list_append does not
 * steal, so the loop's own reference to each item must be released; here
 * it never is, and one item is lost at the end of every iteration. */
#include <rf.h>

rf_object *range_list(long n)
{
    rf_object *list = rf_list_new();
    if (list == NULL)
        return NULL;
    for (long i = 0; i < n; i++) {
        rf_object *item = rf_int_new(i);
        if (item == NULL) {
            RF_DECREF(list);
            return NULL;
        }
        if (rf_list_append(list, item) < 0) {
            RF_DECREF(item);
            RF_DECREF(list);
            return NULL;
        }
    } // expect: leak
    return list;
}
