/* alias_best_ok.c: correct twin of alias_best_bug.c.
 * The remembered item is returned with a new reference (rf_newref), or
 * NULL for an empty list. */
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
    if (best == NULL)
        return NULL;
    return rf_newref(best);
}
