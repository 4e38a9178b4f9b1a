/* use_after_put_ok.c: the parent is used, then released (the fixed twin of
 * use_after_put_bug.c). */
#include "kernel_refs.h"

void log_parent(struct device *dev)
{
    struct device_node *parent = of_get_parent(dev->of_node);
    if (!parent)
        return;
    dev_err(dev, "parent %s\n", parent->name);
    of_node_put(parent);
}
