/* temp_append_bug.c: a new reference passed straight to a borrowing call.
 * rf_list_append(list, rf_int_new(i)): the new int is never stored, so it
 * is never checked for NULL (rf_list_append does not accept NULL) and,
 * since rf_list_append does not steal, never released either. */
#include <rf.h>

int append_range(rf_object *list, long n)
{
    for (long i = 0; i < n; i++) {
        int rc = rf_list_append(list, rf_int_new(i)); // expect: null-deref, leak
        if (rc < 0)
            return -1;
    }
    return 0;
}
