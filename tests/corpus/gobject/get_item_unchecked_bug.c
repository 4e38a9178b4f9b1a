/* get_item_unchecked_bug.c: g_list_model_get_item's result used without a
 * NULL check.
 * It returns NULL past the end of the model; copy_first appends it to the
 * store unchecked (g_list_store_append requires an object), then unrefs it
 * unchecked (g_object_unref(NULL) is a critical warning too). */
#include <gio/gio.h>

void copy_first(GListModel *from, GListStore *to)
{
    GObject *first = g_list_model_get_item(from, 0);
    g_list_store_append(to, first); // expect: null-deref
    g_object_unref(first); // expect: null-deref
}
