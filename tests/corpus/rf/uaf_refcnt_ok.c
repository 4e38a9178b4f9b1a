/* uaf_refcnt_ok.c: correct twin of uaf_refcnt_bug.c.
 * The refcount is read while the function still holds its reference. */
#include <stdio.h>
#include <rf.h>

int append_traced(rf_object *list, long n)
{
    rf_object *v = rf_int_new(n);
    if (v == NULL)
        return -1;
    int rc = rf_list_append(list, v);
    fprintf(stderr, "appended %ld, refcnt %ld\n", n, (long)v->rf_refcnt);
    RF_DECREF(v);
    return rc;
}
