/* ref_field_return_bug.c: a getter returns an instance field without
 * g_object_ref, where a new reference is due (a "dup" getter).
 * This file pins GLIB_VERSION_MAX_ALLOWED to 2.54 so that g_object_ref is
 * the plain function: from 2.56 on, gobject.h makes it the macro
 * "((glib_typeof (Obj)) (g_object_ref) (Obj))", and refflow does not yet
 * resolve a call through a parenthesized function name (see README.md). */
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
    return self->delegate; // expect: borrowed-return
}
