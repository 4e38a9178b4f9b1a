/* new_errpath_ok.c: the error path releases the new object (the fixed twin
 * of new_errpath_bug.c). */
#include <glib-object.h>

#define ACME_TYPE_CONNECTION (acme_connection_get_type())
G_DECLARE_FINAL_TYPE(AcmeConnection, acme_connection, ACME, CONNECTION, GObject)

struct _AcmeConnection {
    GObject parent_instance;
    guint port;
};

AcmeConnection *make_connection(guint port, GError **error)
{
    AcmeConnection *conn = g_object_new(ACME_TYPE_CONNECTION, NULL);
    if (port == 0 || port > 65535) {
        g_set_error(error, G_IO_CHANNEL_ERROR, G_IO_CHANNEL_ERROR_INVAL, "bad port %u", port);
        g_object_unref(conn);
        return NULL;
    }
    conn->port = port;
    return conn;
}
