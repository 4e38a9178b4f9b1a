/* get_item_unchecked_ok.c: the item is checked before use (the fixed twin of
 * get_item_unchecked_bug.c). */
#include <gio/gio.h>

void copy_first(GListModel *from, GListStore *to)
{
    GObject *first = g_list_model_get_item(from, 0);
    if (first == NULL)
        return;
    g_list_store_append(to, first);
    g_object_unref(first);
}

void unref_first(GListModel *from)
{
    GObject *first = g_list_model_get_item(from, 0);
    if (first != NULL)
        g_object_unref(first);
}
