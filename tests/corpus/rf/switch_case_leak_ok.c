/* switch_case_leak_ok.c: correct twin of switch_case_leak_bug.c.
 * The temporary length int is released before the case returns. */
#include <stdio.h>
#include <rf.h>

rf_object *describe_kind(rf_object *o, int kind)
{
    char buf[64];
    switch (kind) {
    case 0:
        return rf_str_new("int");
    case 1: {
        rf_object *len = rf_int_new(rf_list_len(o));
        if (len == NULL)
            return NULL;
        snprintf(buf, sizeof buf, "list of %ld", rf_int_value(len));
        RF_DECREF(len);
        return rf_str_new(buf);
    }
    default:
        return rf_str_new("object");
    }
}
