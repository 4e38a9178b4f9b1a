/* null_list_len_ok.c: correct twin of null_list_len_bug.c.
 * The new list is checked for NULL before anything reads it. */
#include <rf.h>

rf_object *copy_prefix(rf_object *src, long k)
{
    rf_object *dst = rf_list_new();
    if (dst == NULL)
        return NULL;
    if (rf_list_len(dst) != 0)
        return dst;
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
