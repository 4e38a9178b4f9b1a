/* steal_pointer_bug.c: g_steal_pointer moves the variable's reference into
 * its result and sets the variable to NULL; here the result is dropped. */
#include <glib-object.h>

void forget_stolen(void)
{
    GObject *obj = g_object_new(G_TYPE_OBJECT, NULL);
    GObject *moved = g_steal_pointer(&obj);
    (void)moved;
} // expect: leak
