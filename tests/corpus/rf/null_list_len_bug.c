/* null_list_len_bug.c: a new list used before its NULL check.
 * copy_prefix reads the length of the list it has just created (as a
 * sanity check) before checking that rf_list_new succeeded. */
#include <rf.h>

rf_object *copy_prefix(rf_object *src, long k)
{
    rf_object *dst = rf_list_new();
    if (rf_list_len(dst) != 0) // expect: null-deref
        return dst;
    if (dst == NULL)
        return NULL;
    for (long i = 0; i < k; i++) {
        rf_object *item = rf_list_get(src, i);
        if (item == NULL)
            break;
        if (rf_list_append(dst, item) < 0) {
            RF_DECREF(dst);
            return NULL;
        }
    }
    return dst;
}
