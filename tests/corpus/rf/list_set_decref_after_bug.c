/* list_set_decref_after_bug.c: releasing a reference rf_list_set stole.
 * rf_list_set steals its item (even on failure). After the call the
 * caller no longer owns v, so the RF_DECREF releases the list's reference. */
#include <rf.h>

int list_put_int(rf_object *list, long i, long value)
{
    rf_object *v = rf_int_new(value);
    if (v == NULL)
        return -1;
    if (rf_list_set(list, i, v) < 0)
        return -1;
    RF_DECREF(v); // expect: over-release
    return 0;
}
