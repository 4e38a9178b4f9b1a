/* list_get_return_bug.c: returning rf_list_get's result as new.
 * list_last has no annotation, so it must return a new reference; it
 * returns the list's borrowed item directly. */
#include <rf.h>

rf_object *list_last(rf_object *list)
{
    long n = rf_list_len(list);
    if (n <= 0)
        return NULL;
    return rf_list_get(list, n - 1); // expect: borrowed-return
}
