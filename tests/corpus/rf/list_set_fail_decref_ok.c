/* list_set_fail_decref_ok.c: correct twin of list_set_fail_decref_bug.c.
 * rf_list_set consumed s on both outcomes; the failure branch only reports
 * the error. */
#include <rf.h>

int list_store(rf_object *list, long i, const char *text)
{
    rf_object *s = rf_str_new(text);
    if (s == NULL)
        return -1;
    if (rf_list_set(list, i, s) < 0) {
        return -1;
    }
    return 0;
}
