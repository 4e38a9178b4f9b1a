/* alias_decref_use_ok.c: correct twin of alias_decref_use_bug.c.
 * The value is read through item before the shared reference is released
 * through tmp. */
#include <rf.h>

long push_and_report(rf_object *list, long n)
{
    rf_object *item = rf_int_new(n);
    if (item == NULL)
        return -1;
    rf_object *tmp = item;
    if (rf_list_append(list, tmp) < 0) {
        RF_DECREF(tmp);
        return -1;
    }
    long v = rf_int_value(item);
    RF_DECREF(tmp);
    return v;
}
