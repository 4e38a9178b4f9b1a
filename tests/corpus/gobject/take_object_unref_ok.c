/* take_object_unref_ok.c: after g_value_take_object the caller's reference
 * belongs to the GValue (the fixed twin of take_object_unref_bug.c). */
#include <glib-object.h>

void get_cancellable_property(GValue *value)
{
    GObject *c = g_object_new(G_TYPE_OBJECT, NULL);
    g_value_take_object(value, c);
}
