/* value_borrowed_return_ok.c: the accessor returns g_value_dup_object's new
 * reference (the fixed twin of value_borrowed_return_bug.c). */
#include <glib-object.h>

GObject *value_dup_target(const GValue *value)
{
    GObject *target = g_value_dup_object(value);
    if (target == NULL)
        return NULL;
    return target;
}
