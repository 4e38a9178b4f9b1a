/* reassign_branch_ok.c: correct twin of reassign_branch_bug.c.
 * The default string is released before s is reassigned; s then holds the
 * new string (or NULL, which is returned as the failure result). */
#include <rf.h>

rf_object *greeting(int lang)
{
    rf_object *s = rf_str_new("hello");
    if (s == NULL)
        return NULL;
    if (lang == 1) {
        RF_DECREF(s);
        s = rf_str_new("bonjour");
    }
    return s;
}
