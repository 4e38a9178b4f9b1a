/* new_errpath_bug.c: an object from g_object_new leaks on an error path.
 * make_connection builds the object, then returns NULL with an error when
 * the port is out of range, without g_object_unref(conn). */
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
        return NULL; // expect: leak
    }
    conn->port = port;
    return conn;
}
