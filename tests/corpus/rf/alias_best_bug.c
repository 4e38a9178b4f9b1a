/* alias_best_bug.c: a borrowed item returned through an alias.
 * list_max remembers the largest item in best, an alias of a borrowed
 * rf_list_get result, and returns it where a new reference is due. */
#include <rf.h>

rf_object *list_max(rf_object *list)
{
    rf_object *best = NULL;
    long n = rf_list_len(list);
    for (long i = 0; i < n; i++) {
        rf_object *item = rf_list_get(list, i);
        if (item == NULL)
            return NULL;
        if (best == NULL || rf_int_value(item) > rf_int_value(best))
            best = item;
    }
    return best; // expect: borrowed-return
}
