/* null_list_get_ok.c: correct twin of null_list_get_bug.c.
 * The borrowed item is checked for NULL (index out of range) first. */
#include <rf.h>

long list_int_at(rf_object *list, long i)
{
    rf_object *item = rf_list_get(list, i);
    if (item == NULL)
        return -1;
    return rf_int_value(item);
}
