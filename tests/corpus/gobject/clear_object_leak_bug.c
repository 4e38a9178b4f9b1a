/* clear_object_leak_bug.c: g_clear_object on one path only; the other path
 * forgets the reference. */
#include <glib-object.h>

void drop_sometimes(gboolean early)
{
    GObject *obj = g_object_new(G_TYPE_OBJECT, NULL);
    if (early) {
        g_clear_object(&obj);
        return;
    }
    g_object_notify(obj, "name");
} // expect: leak
