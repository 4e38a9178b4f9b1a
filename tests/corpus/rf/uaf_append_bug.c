/* uaf_append_bug.c: releasing a reference before its last use.
 * append_label drops its reference to the new string and only then
 * appends it: the string was freed by the RF_DECREF, so the list gets a
 * dangling pointer. */
#include <rf.h>

int append_label(rf_object *list, const char *text)
{
    rf_object *s = rf_str_new(text);
    if (s == NULL)
        return -1;
    RF_DECREF(s);
    return rf_list_append(list, s); // expect: use-after-release
}
