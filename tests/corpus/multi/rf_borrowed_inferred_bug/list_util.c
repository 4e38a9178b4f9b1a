/* list_util.c: list_first has no annotation, so its own body is checked
 * against the convention (a new reference is due) and reported; its
 * summary, what its callers in every file use, is what its body does:
 * every result is borrowed. */
#include <rf.h>

rf_object *list_first(rf_object *list)
{
    return rf_list_get(list, 0); // expect: borrowed-return
}
