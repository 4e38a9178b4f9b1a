/* unref_value_get_bug.c: g_object_unref on a borrowed object.
 * g_value_get_object returns the GValue's object without a new reference
 * (transfer none); set_property releases it anyway, taking the GValue's
 * reference away. */
#include <glib-object.h>

void store_target(GObject **slot, const GValue *value)
{
    GObject *target = g_value_get_object(value);
    if (target == NULL)
        return;
    *slot = g_value_dup_object(value);
    g_object_unref(target); // expect: over-release
}
