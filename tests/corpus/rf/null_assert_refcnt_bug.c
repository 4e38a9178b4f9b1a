/* null_assert_refcnt_bug.c: dereferencing a new object before the NULL
 * check.
 * fresh_counter asserts on the new object's refcount, reading
 * c->rf_refcnt while c may still be NULL (rf_int_new failed). */
#include <assert.h>
#include <rf.h>

rf_object *fresh_counter(void)
{
    rf_object *c = rf_int_new(0);
    assert(c->rf_refcnt == 1); // expect: null-deref
    return c;
}
