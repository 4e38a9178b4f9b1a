/* value_borrowed_return_bug.c: a borrowed object returned where a new
 * reference is due.
 * value_dup_target is a "dup" (transfer full) accessor, but returns
 * g_value_get_object's borrowed result. */
#include <glib-object.h>

GObject *value_dup_target(const GValue *value)
{
    GObject *target = g_value_get_object(value);
    if (target == NULL)
        return NULL;
    return target; // expect: borrowed-return
}
