/* reassign_branch_bug.c: overwriting an owned reference on one branch.
 * greeting creates the default string first and, for French, replaces it
 * without releasing it: the default string is lost at that assignment. */
#include <rf.h>

rf_object *greeting(int lang)
{
    rf_object *s = rf_str_new("hello");
    if (s == NULL)
        return NULL;
    if (lang == 1)
        s = rf_str_new("bonjour"); // expect: leak
    return s;
}
