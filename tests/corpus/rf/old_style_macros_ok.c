/* Old-style refcount macros that write the count directly (as Python 2 and
 * early 3.x headers did: ((o)->ob_refcnt++)): refflow sees through the
 * macro to the refcount field (rules: refcount-field rf_refcnt) and reports
 * at the user's line. Correct: every reference taken is given back. */
#include <rf.h>

#define OLD_INCREF(o) (((rf_object *)(o))->rf_refcnt++)
#define OLD_DECREF(o) (--((rf_object *)(o))->rf_refcnt)

rf_object *keep_first(rf_object *list)
{
    rf_object *item = rf_list_get(list, 0);
    if (item == NULL)
        return NULL;
    OLD_INCREF(item);
    return item;
}

long peek_value(rf_object *list)
{
    rf_object *item = rf_list_get(list, 0);
    if (item == NULL)
        return -1;
    OLD_INCREF(item);
    long v = rf_int_value(item);
    OLD_DECREF(item);
    return v;
}
