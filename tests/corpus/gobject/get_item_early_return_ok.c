/* get_item_early_return_ok.c: the item is released before the early return
 * (the fixed twin of get_item_early_return_bug.c). */
#include <gio/gio.h>

gboolean model_contains(GListModel *model, GObject *needle)
{
    guint n = g_list_model_get_n_items(model);
    for (guint i = 0; i < n; i++) {
        GObject *item = g_list_model_get_item(model, i);
        if (item == NULL)
            break;
        gboolean found = item == needle;
        g_object_unref(item);
        if (found)
            return TRUE;
    }
    return FALSE;
}
