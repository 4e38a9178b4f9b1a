/* newref_helper_caller_bug.c: the caller leaks a helper's new reference.
 * make_label is annotated RF_NEW_REF: it returns a new reference (or NULL).
 * add_label appends the label (rf_list_append does not steal) but never
 * releases it, losing it at the successful return. */
#include <stdio.h>
#include <rf.h>

RF_NEW_REF static rf_object *make_label(const char *prefix, long n)
{
    char buf[64];
    snprintf(buf, sizeof buf, "%s-%ld", prefix, n);
    return rf_str_new(buf);
}

int add_label(rf_object *labels, long n)
{
    rf_object *label = make_label("item", n);
    if (label == NULL)
        return -1;
    if (rf_list_append(labels, label) < 0) {
        RF_DECREF(label);
        return -1;
    }
    return 0; // expect: leak
}
