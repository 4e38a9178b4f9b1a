/* uaf_type_name_ok.c: correct twin of uaf_type_name_bug.c.
 * The message is written before the error branch releases v. */
#include <stdio.h>
#include <rf.h>

int check_store(rf_object *list, long n)
{
    rf_object *v = rf_int_new(n);
    if (v == NULL)
        return -1;
    if (n < 0) {
        fprintf(stderr, "rejected negative %s\n", RF_TYPE(v)->name);
        RF_DECREF(v);
        return -1;
    }
    int rc = rf_list_append(list, v);
    RF_DECREF(v);
    return rc;
}
