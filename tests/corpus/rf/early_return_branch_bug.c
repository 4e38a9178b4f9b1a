/* early_return_branch_bug.c: a leak on one branch only.
 * maybe_wrap creates the wrapper list up front; the "no wrap" branch
 * returns a new reference to value and loses the list. The other paths
 * are fine. */
#include <rf.h>

rf_object *maybe_wrap(rf_object *value, int wrap)
{
    rf_object *list = rf_list_new();
    if (list == NULL)
        return NULL;
    if (!wrap)
        return rf_newref(value); // expect: leak
    if (rf_list_append(list, value) < 0) {
        RF_DECREF(list);
        return NULL;
    }
    return list;
}
