/* steal_pointer_ok.c: returning g_steal_pointer(&obj) hands the variable's
 * reference to the caller; storing it through an out-parameter too. */
#include <glib-object.h>

GObject *make_object(void)
{
    GObject *obj = g_object_new(G_TYPE_OBJECT, NULL);
    g_object_notify(obj, "name");
    return g_steal_pointer(&obj);
}

void make_into(GObject **out)
{
    GObject *obj = g_object_new(G_TYPE_OBJECT, NULL);
    *out = g_steal_pointer(&obj);
}
