/* borrowed_return_ok.c: the device's node is returned with a new reference
 * (the fixed twin of borrowed_return_bug.c). */
#include "kernel_refs.h"

struct device_node *acme_get_node(struct device *dev)
{
    if (!dev->of_node)
        return NULL;
    return of_node_get(dev->of_node);
}
