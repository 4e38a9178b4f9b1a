/* Old-style refcount macros that write the count directly. BUGS: an
 * increment never given back (leak, reported at the return), and a
 * decrement of a borrowed item (over-release, reported at the macro's
 * line in the user's code). */
#include <rf.h>

#define OLD_INCREF(o) (((rf_object *)(o))->rf_refcnt++)
#define OLD_DECREF(o) (--((rf_object *)(o))->rf_refcnt)

long peek_value(rf_object *list)
{
    rf_object *item = rf_list_get(list, 0);
    if (item == NULL)
        return -1;
    OLD_INCREF(item);
    return rf_int_value(item); // expect: leak
}

void drop_first(rf_object *list)
{
    rf_object *item = rf_list_get(list, 0);
    if (item == NULL)
        return;
    OLD_DECREF(item); // expect: over-release
}
