/* uaf_refcnt_bug.c: reading rf_refcnt of a released object.
 * append_traced prints the refcount for debugging after dropping its own
 * reference: the dereference v->rf_refcnt happens after the release. */
#include <stdio.h>
#include <rf.h>

int append_traced(rf_object *list, long n)
{
    rf_object *v = rf_int_new(n);
    if (v == NULL)
        return -1;
    int rc = rf_list_append(list, v);
    RF_DECREF(v);
    fprintf(stderr, "appended %ld, refcnt %ld\n", n, (long)v->rf_refcnt); // expect: use-after-release
    return rc;
}
