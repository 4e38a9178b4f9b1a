/* take_object_unref_bug.c: releasing an object that g_value_take_object
 * already took.
 * g_value_take_object (transfer full) takes over the caller's reference;
 * get_property then drops that reference a second time. */
#include <glib-object.h>

void get_cancellable_property(GValue *value)
{
    GObject *c = g_object_new(G_TYPE_OBJECT, NULL);
    g_value_take_object(value, c);
    g_object_unref(c); // expect: over-release
}
