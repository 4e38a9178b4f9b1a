/* borrowed_helper_decref_ok.c: correct twin of borrowed_helper_decref_bug.c.
 * The borrowed top of the stack is read only. Returning rf_list_get's
 * borrowed result from stack_peek is fine: it is annotated
 * RF_BORROWED_REF. */
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
    return v;
}
