/* scope_inner_block_bug.c: a leak at the end of a nested block.
 * add_markers uses one block per marker. The second block forgets to
 * release its string after appending it; the reference is lost when end
 * goes out of scope at the block's closing brace. */
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
    } // expect: leak
    return 0;
}
