/* double_unref_ok.c: the object is released exactly once (the fixed twin of
 * double_unref_bug.c). */
#include <gio/gio.h>

gboolean publish(GListStore *store, guint max)
{
    GObject *entry = g_object_new(G_TYPE_OBJECT, NULL);
    g_list_store_append(store, entry);
    g_object_unref(entry);
    if (g_list_model_get_n_items(G_LIST_MODEL(store)) > max)
        return FALSE;
    return TRUE;
}
