/* null_list_get_bug.c: using rf_list_get's result without a NULL check.
 * rf_list_get returns NULL for an index out of range; rf_int_value does
 * not accept NULL. */
#include <rf.h>

long list_int_at(rf_object *list, long i)
{
    rf_object *item = rf_list_get(list, i);
    return rf_int_value(item); // expect: null-deref
}
