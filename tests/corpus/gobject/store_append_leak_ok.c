/* store_append_leak_ok.c: each row is released once the store holds its own
 * reference (the fixed twin of store_append_leak_bug.c). */
#include <gio/gio.h>

GListStore *fill_store(guint n)
{
    GListStore *store = g_list_store_new(G_TYPE_OBJECT);
    for (guint i = 0; i < n; i++) {
        GObject *row = g_object_new(G_TYPE_OBJECT, NULL);
        g_list_store_append(store, row);
        g_object_unref(row);
    }
    return store;
}
