/* borrowed_helper_decref_bug.c: releasing what an RF_BORROWED_REF helper
 * returned.
 * stack_peek returns the top of a list-based stack as a borrowed reference
 * (the stack keeps it). stack_top_value releases it after reading, taking
 * away the stack's reference. */
#include <rf.h>

RF_BORROWED_REF static rf_object *stack_peek(rf_object *stack)
{
    long n = rf_list_len(stack);
    if (n <= 0)
        return NULL;
    return rf_list_get(stack, n - 1);
}

long stack_top_value(rf_object *stack)
{
    rf_object *top = stack_peek(stack);
    if (top == NULL)
        return -1;
    long v = rf_int_value(top);
    RF_DECREF(top); // expect: over-release
    return v;
}
