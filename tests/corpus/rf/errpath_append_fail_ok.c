/* errpath_append_fail_ok.c: correct twin of errpath_append_fail_bug.c.
 * The string is released on both outcomes of rf_list_append (which does not
 * steal its item). */
#include <rf.h>

int add_name(rf_object *names, const char *text)
{
    rf_object *s = rf_str_new(text);
    if (s == NULL)
        return -1;
    if (rf_list_append(names, s) < 0) {
        RF_DECREF(s);
        return -1;
    }
    RF_DECREF(s);
    return 0;
}
