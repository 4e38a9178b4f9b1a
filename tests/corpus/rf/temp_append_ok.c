/* temp_append_ok.c: correct twin of temp_append_bug.c.
 * The new int is kept in a variable, checked, appended, and released. */
#include <rf.h>

int append_range(rf_object *list, long n)
{
    for (long i = 0; i < n; i++) {
        rf_object *v = rf_int_new(i);
        if (v == NULL)
            return -1;
        int rc = rf_list_append(list, v);
        RF_DECREF(v);
        if (rc < 0)
            return -1;
    }
    return 0;
}
