/* loop_wrong_var_ok.c: correct twin of loop_wrong_var_bug.c.
 * The new doubled int is released after appending; the borrowed input item
 * is not touched. */
#include <rf.h>

int double_all(rf_object *in, rf_object *out)
{
    long i = 0;
    while (i < rf_list_len(in)) {
        rf_object *item = rf_list_get(in, i);
        if (item == NULL)
            return -1;
        rf_object *d = rf_int_new(2 * rf_int_value(item));
        if (d == NULL)
            return -1;
        if (rf_list_append(out, d) < 0) {
            RF_DECREF(d);
            return -1;
        }
        RF_DECREF(d);
        i++;
    }
    return 0;
}
