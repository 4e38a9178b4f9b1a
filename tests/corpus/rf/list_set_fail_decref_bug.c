/* list_set_fail_decref_bug.c: releasing a stolen item on the failure path.
 * rf_list_set steals its item even when it fails (like PyList_SetItem), so
 * the failure branch must not release s: the runtime already did. */
#include <rf.h>

int list_store(rf_object *list, long i, const char *text)
{
    rf_object *s = rf_str_new(text);
    if (s == NULL)
        return -1;
    if (rf_list_set(list, i, s) < 0) {
        RF_DECREF(s); // expect: over-release
        return -1;
    }
    return 0;
}
