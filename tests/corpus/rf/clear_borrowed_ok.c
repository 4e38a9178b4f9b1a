/* clear_borrowed_ok.c: correct twin of clear_borrowed_bug.c.
 * The borrowed item is read and left alone. */
#include <rf.h>

long first_len(rf_object *lists)
{
    rf_object *first = rf_list_get(lists, 0);
    if (first == NULL)
        return -1;
    long n = rf_list_len(first);
    return n;
}
