/* store_append_leak_bug.c: g_list_store_append does not take the caller's
 * reference (item is transfer none).
 * fill_store creates each row and appends it, but never drops its own
 * reference: each loop iteration leaks one. */
#include <gio/gio.h>

GListStore *fill_store(guint n)
{
    GListStore *store = g_list_store_new(G_TYPE_OBJECT);
    for (guint i = 0; i < n; i++) {
        GObject *row = g_object_new(G_TYPE_OBJECT, NULL);
        g_list_store_append(store, row);
    } // expect: leak
    return store;
}
