/* unref_value_get_ok.c: the borrowed object from g_value_get_object is not
 * released; the stored one comes from g_value_dup_object (the fixed twin of
 * unref_value_get_bug.c). */
#include <glib-object.h>

void store_target(GObject **slot, const GValue *value)
{
    GObject *target = g_value_get_object(value);
    if (target == NULL)
        return;
    *slot = g_value_dup_object(value);
}
