/* get_item_unchecked_bug.c: g_list_model_get_item's result used without a
 * NULL check.
 * It returns NULL past the end of the model; copy_first appends it to the
 * store unchecked (g_list_store_append requires an object), then unrefs it.
 * One NULL is reported once per path (its first unchecked use), so
 * unref_first shows that g_object_unref(NULL), a critical warning too, is
 * reported on its own. */
#include <gio/gio.h>

void copy_first(GListModel *from, GListStore *to)
{
    GObject *first = g_list_model_get_item(from, 0);
    g_list_store_append(to, first); // expect: null-deref
    g_object_unref(first);
}

void unref_first(GListModel *from)
{
    GObject *first = g_list_model_get_item(from, 0);
    g_object_unref(first); // expect: null-deref
}
