/* switch_case_leak_bug.c: one case of a switch forgets its release.
 * describe_kind returns a new str naming the kind of an object. For lists
 * the case makes a temporary length int to build the text and returns
 * without releasing it. */
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
        return rf_str_new(buf); // expect: leak
    }
    default:
        return rf_str_new("object");
    }
}
