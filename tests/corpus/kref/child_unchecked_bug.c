/* child_unchecked_bug.c: the result of of_get_child_by_name dereferenced
 * without a NULL check.
 * of_get_child_by_name returns NULL when there is no such child;
 * leds_name reads its name unconditionally. */
#include "kernel_refs.h"

const char *leds_name(struct device_node *np)
{
    struct device_node *leds = of_get_child_by_name(np, "leds");
    const char *name = leds->name; // expect: null-deref
    of_node_put(leds);
    return name;
}
