/* child_unchecked_ok.c: the result of of_get_child_by_name is checked
 * before use (the fixed twin of child_unchecked_bug.c). */
#include "kernel_refs.h"

const char *leds_name(struct device_node *np)
{
    struct device_node *leds = of_get_child_by_name(np, "leds");
    if (!leds)
        return NULL;
    const char *name = leds->name;
    of_node_put(leds);
    return name;
}
