/* get_item_early_return_bug.c: an early return leaks an item from
 * g_list_model_get_item, which returns a new reference (transfer full).
 * model_contains returns TRUE as soon as it finds the object, still holding
 * the item's reference. */
#include <gio/gio.h>

gboolean model_contains(GListModel *model, GObject *needle)
{
    guint n = g_list_model_get_n_items(model);
    for (guint i = 0; i < n; i++) {
        GObject *item = g_list_model_get_item(model, i);
        if (item == NULL)
            break;
        if (item == needle)
            return TRUE; // expect: leak
        g_object_unref(item);
    }
    return FALSE;
}
