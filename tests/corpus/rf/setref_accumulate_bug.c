/* setref_accumulate_bug.c: overwriting an owned accumulator.
 * sum_objects builds a new int for each partial sum. Plain assignment
 * acc = next drops the previous partial sum without releasing it: the last
 * owner of that reference is overwritten. */
#include <rf.h>

rf_object *sum_objects(rf_object *list)
{
    rf_object *acc = rf_int_new(0);
    if (acc == NULL)
        return NULL;
    long n = rf_list_len(list);
    for (long i = 0; i < n; i++) {
        rf_object *item = rf_list_get(list, i);
        if (item == NULL)
            break;
        rf_object *next = rf_int_new(rf_int_value(acc) + rf_int_value(item));
        if (next == NULL) {
            RF_DECREF(acc);
            return NULL;
        }
        acc = next; // expect: leak
    }
    return acc;
}
