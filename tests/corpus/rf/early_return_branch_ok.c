/* early_return_branch_ok.c: correct twin of early_return_branch_bug.c.
 * The "no wrap" branch releases the unused list first. */
#include <rf.h>

rf_object *maybe_wrap(rf_object *value, int wrap)
{
    rf_object *list = rf_list_new();
    if (list == NULL)
        return NULL;
    if (!wrap) {
        RF_DECREF(list);
        return rf_newref(value);
    }
    if (rf_list_append(list, value) < 0) {
        RF_DECREF(list);
        return NULL;
    }
    return list;
}
