/* uaf_type_name_bug.c: an error message reads a released object.
 * check_store rejects negative values: the error branch releases v and
 * then dereferences it (RF_TYPE(v)->name) for the message. */
#include <stdio.h>
#include <rf.h>

int check_store(rf_object *list, long n)
{
    rf_object *v = rf_int_new(n);
    if (v == NULL)
        return -1;
    if (n < 0) {
        RF_DECREF(v);
        fprintf(stderr, "rejected negative %s\n", RF_TYPE(v)->name); // expect: use-after-release
        return -1;
    }
    int rc = rf_list_append(list, v);
    RF_DECREF(v);
    return rc;
}
