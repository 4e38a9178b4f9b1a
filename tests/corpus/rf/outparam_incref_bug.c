/* outparam_incref_bug.c: an out-parameter pair filled with new references,
 * one of them leaked on a failure path.
 * split_pair gives the caller new references to both items of a pair. It
 * takes the first reference before checking that the second item exists,
 * and returns -1 without releasing it. */
#include <rf.h>

int split_pair(rf_object *pair, rf_object **first, rf_object **second)
{
    rf_object *a = rf_list_get(pair, 0);
    if (a == NULL)
        return -1;
    RF_INCREF(a);
    rf_object *b = rf_list_get(pair, 1);
    if (b == NULL)
        return -1; // expect: leak
    RF_INCREF(b);
    *first = a;
    *second = b;
    return 0;
}
