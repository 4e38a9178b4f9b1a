/* list_set_param_ok.c: correct twin of list_set_param_bug.c.
 * A new reference is made for each slot with RF_INCREF before rf_list_set
 * steals it (also on failure, so no release is needed there). */
#include <rf.h>

int list_fill(rf_object *list, rf_object *value)
{
    long n = rf_list_len(list);
    for (long i = 0; i < n; i++) {
        RF_INCREF(value);
        if (rf_list_set(list, i, value) < 0)
            return -1;
    }
    return 0;
}
