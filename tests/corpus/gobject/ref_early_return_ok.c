/* ref_early_return_ok.c: the reference from g_object_ref is dropped on the
 * early return too (the fixed twin of ref_early_return_bug.c; pinned to
 * GLib 2.54's plain g_object_ref). */
#define GLIB_VERSION_MIN_REQUIRED GLIB_VERSION_2_50
#define GLIB_VERSION_MAX_ALLOWED GLIB_VERSION_2_54
#include <glib-object.h>

void notify_owner(GObject *owner, gboolean frozen)
{
    GObject *keep = g_object_ref(owner);
    if (frozen) {
        g_object_unref(keep);
        return;
    }
    g_object_notify(keep, "state");
    g_object_unref(keep);
}
