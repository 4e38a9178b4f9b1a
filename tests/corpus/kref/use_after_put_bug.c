/* use_after_put_bug.c: a node used after its reference was dropped.
 * log_parent releases the parent, then prints its name. */
#include "kernel_refs.h"

void log_parent(struct device *dev)
{
    struct device_node *parent = of_get_parent(dev->of_node);
    if (!parent)
        return;
    of_node_put(parent);
    dev_err(dev, "parent %s\n", parent->name); // expect: use-after-release
}
