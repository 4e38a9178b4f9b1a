/* ref_field_return_ok.c: the getter returns a new reference to the field
 * with g_object_ref (the fixed twin of ref_field_return_bug.c; pinned to
 * GLib 2.54's plain g_object_ref for the same reason). */
#define GLIB_VERSION_MIN_REQUIRED GLIB_VERSION_2_50
#define GLIB_VERSION_MAX_ALLOWED GLIB_VERSION_2_54
#include <glib-object.h>

typedef struct {
    GObject parent_instance;
    GObject *delegate;
} AcmeProxy;

GObject *acme_proxy_dup_delegate(AcmeProxy *self)
{
    if (self->delegate == NULL)
        return NULL;
    return g_object_ref(self->delegate);
}
