/* scope_inner_block_ok.c: correct twin of scope_inner_block_bug.c.
 * Each block releases its string before the block ends. */
#include <rf.h>

int add_markers(rf_object *list)
{
    {
        rf_object *start = rf_str_new("<start>");
        if (start == NULL)
            return -1;
        int rc = rf_list_append(list, start);
        RF_DECREF(start);
        if (rc < 0)
            return -1;
    }
    {
        rf_object *end = rf_str_new("<end>");
        if (end == NULL)
            return -1;
        if (rf_list_append(list, end) < 0) {
            RF_DECREF(end);
            return -1;
        }
        RF_DECREF(end);
    }
    return 0;
}
