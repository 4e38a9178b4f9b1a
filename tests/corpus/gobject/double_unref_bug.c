/* double_unref_bug.c: the same object released twice.
 * publish releases its reference once the store holds one, then again in
 * the error branch (a copy-pasted cleanup). */
#include <gio/gio.h>

gboolean publish(GListStore *store, guint max)
{
    GObject *entry = g_object_new(G_TYPE_OBJECT, NULL);
    g_list_store_append(store, entry);
    g_object_unref(entry);
    if (g_list_model_get_n_items(G_LIST_MODEL(store)) > max) {
        g_object_unref(entry); // expect: over-release, use-after-release
        return FALSE;
    }
    return TRUE;
}
