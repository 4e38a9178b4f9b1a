/* autoptr_ok.c: a g_autoptr variable is released by its cleanup at every
 * exit of its scope (early return, break out of a loop, closing brace);
 * g_steal_pointer takes it out so the cleanup sees NULL. */
#include <glib-object.h>

void notify_all(int n)
{
    for (int i = 0; i < n; i++) {
        g_autoptr(GObject) obj = g_object_new(G_TYPE_OBJECT, NULL);
        if (i == 3)
            break;
        if (i == 5)
            return;
        g_object_notify(obj, "name");
    }
}

GObject *build(gboolean fail)
{
    g_autoptr(GObject) obj = g_object_new(G_TYPE_OBJECT, NULL);
    if (fail)
        return NULL;
    return g_steal_pointer(&obj);
}
