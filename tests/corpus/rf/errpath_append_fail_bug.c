/* errpath_append_fail_bug.c: leak when rf_list_append fails.
 * rf_list_append does not steal: the list takes its own reference, so the
 * caller must release its string on success AND on failure. The failure
 * branch returns -1 and loses the new string. */
#include <rf.h>

int add_name(rf_object *names, const char *text)
{
    rf_object *s = rf_str_new(text);
    if (s == NULL)
        return -1;
    if (rf_list_append(names, s) < 0)
        return -1; // expect: leak
    RF_DECREF(s);
    return 0;
}
