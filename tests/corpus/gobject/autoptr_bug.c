/* autoptr_bug.c: a g_autoptr variable is released by its cleanup at every
 * exit of its scope; unreffing it by hand as well releases it twice, and
 * returning it without g_steal_pointer returns a released reference. */
#include <glib-object.h>

void unref_auto(void)
{
    g_autoptr(GObject) obj = g_object_new(G_TYPE_OBJECT, NULL);
    g_object_unref(obj);
} // expect: over-release, use-after-release

GObject *return_auto(gboolean fail)
{
    g_autoptr(GObject) obj = g_object_new(G_TYPE_OBJECT, NULL);
    if (fail)
        return NULL;
    return obj; // expect: use-after-release
}
