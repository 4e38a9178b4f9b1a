/* alias_decref_use_bug.c: use after release through an alias.
 * tmp and item are the same reference. Releasing it through tmp releases
 * item too, so reading item's value afterwards uses a released object. */
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
    RF_DECREF(tmp);
    return rf_int_value(item); // expect: use-after-release
}
