/* clear_object_ok.c: g_clear_object releases the variable's reference and
 * sets it to NULL, so clearing again, or clearing on every path, is fine. */
#include <glib-object.h>

void drop_once(gboolean early)
{
    GObject *obj = g_object_new(G_TYPE_OBJECT, NULL);
    if (early) {
        g_clear_object(&obj);
        return;
    }
    g_object_notify(obj, "name");
    g_clear_object(&obj);
    g_clear_object(&obj);
}
