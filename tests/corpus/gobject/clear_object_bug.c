/* clear_object_bug.c: g_clear_object releases the variable's reference and
 * sets it to NULL (a macro over g_clear_pointer, seen through: the pointer it
 * assigns from &p is p); the error path then unrefs the old value anyway,
 * which it copied before the clear. */
#include <glib-object.h>

void drop_twice(void)
{
    GObject *obj = g_object_new(G_TYPE_OBJECT, NULL);
    GObject *alias = obj;
    g_clear_object(&obj);
    g_object_unref(alias); // expect: over-release, use-after-release
}
