/* ref_early_return_bug.c: a reference taken with g_object_ref leaks on an
 * early return.
 * notify_owner keeps the owner alive across the callback, but returns early
 * when notifications are frozen without dropping it.
 * Pinned to GLib 2.54's plain g_object_ref (see ref_field_return_bug.c). */
#define GLIB_VERSION_MIN_REQUIRED GLIB_VERSION_2_50
#define GLIB_VERSION_MAX_ALLOWED GLIB_VERSION_2_54
#include <glib-object.h>

void notify_owner(GObject *owner, gboolean frozen)
{
    GObject *keep = g_object_ref(owner);
    if (frozen)
        return; // expect: leak
    g_object_notify(keep, "state");
    g_object_unref(keep);
}
