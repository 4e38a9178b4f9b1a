/* uaf_append_ok.c: correct twin of uaf_append_bug.c.
 * The string is appended first, then released. */
#include <rf.h>

int append_label(rf_object *list, const char *text)
{
    rf_object *s = rf_str_new(text);
    if (s == NULL)
        return -1;
    int rc = rf_list_append(list, s);
    RF_DECREF(s);
    return rc;
}
