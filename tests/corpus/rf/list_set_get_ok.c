/* list_set_get_ok.c: correct twin of list_set_get_bug.c.
 * rf_newref gives a new reference to the borrowed item, and that new
 * reference is what rf_list_set steals. */
#include <rf.h>

int list_copy_into(rf_object *dst, rf_object *src)
{
    long n = rf_list_len(src);
    for (long i = 0; i < n; i++) {
        rf_object *item = rf_list_get(src, i);
        if (item == NULL)
            return -1;
        if (rf_list_set(dst, i, rf_newref(item)) < 0)
            return -1;
    }
    return 0;
}
