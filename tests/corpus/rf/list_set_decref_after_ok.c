/* list_set_decref_after_ok.c: correct twin of list_set_decref_after_bug.c.
 * The new int is handed to rf_list_set, which steals it: nothing is left
 * to release on either outcome. */
#include <rf.h>

int list_put_int(rf_object *list, long i, long value)
{
    rf_object *v = rf_int_new(value);
    if (v == NULL)
        return -1;
    if (rf_list_set(list, i, v) < 0)
        return -1;
    return 0;
}
