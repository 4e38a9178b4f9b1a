/* outparam_incref_ok.c: correct twin of outparam_incref_bug.c.
 * The first reference is released when the second item is missing; on
 * success both new references are handed over through the out-parameters. */
#include <rf.h>

int split_pair(rf_object *pair, rf_object **first, rf_object **second)
{
    rf_object *a = rf_list_get(pair, 0);
    if (a == NULL)
        return -1;
    RF_INCREF(a);
    rf_object *b = rf_list_get(pair, 1);
    if (b == NULL) {
        RF_DECREF(a);
        return -1;
    }
    RF_INCREF(b);
    *first = a;
    *second = b;
    return 0;
}
