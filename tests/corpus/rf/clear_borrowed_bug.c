/* clear_borrowed_bug.c: RF_CLEAR on a borrowed list item.
 * RF_CLEAR releases the reference held in the variable and sets it to
 * NULL. first is borrowed from the outer list, so clearing it releases the
 * list's reference. */
#include <rf.h>

long first_len(rf_object *lists)
{
    rf_object *first = rf_list_get(lists, 0);
    if (first == NULL)
        return -1;
    long n = rf_list_len(first);
    RF_CLEAR(first); // expect: over-release
    return n;
}
