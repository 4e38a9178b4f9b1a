/* null_assert_refcnt_ok.c: correct twin of null_assert_refcnt_bug.c.
 * The allocation is checked before its refcount is read. */
#include <assert.h>
#include <rf.h>

rf_object *fresh_counter(void)
{
    rf_object *c = rf_int_new(0);
    if (c == NULL)
        return NULL;
    assert(c->rf_refcnt == 1);
    return c;
}
