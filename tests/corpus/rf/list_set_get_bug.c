/* list_set_get_bug.c: storing a borrowed item with a stealing call.
 * list_copy_into copies src[i] into dst[i]. The item from rf_list_get is
 * borrowed, but rf_list_set steals: dst ends up with a reference that src
 * still believes it owns. */
#include <rf.h>

int list_copy_into(rf_object *dst, rf_object *src)
{
    long n = rf_list_len(src);
    for (long i = 0; i < n; i++) {
        rf_object *item = rf_list_get(src, i);
        if (item == NULL)
            return -1;
        if (rf_list_set(dst, i, item) < 0) // expect: over-release
            return -1;
    }
    return 0;
}
