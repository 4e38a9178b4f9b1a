/* newref_helper_caller_ok.c: correct twin of newref_helper_caller_bug.c.
 * The RF_NEW_REF helper's result is released on both outcomes of the
 * append. */
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
    RF_DECREF(label);
    return 0;
}
