/* borrowed_return_bug.c: returning the device's node without a reference.
 * Callers of acme_get_node of_node_put() the result (like every of_*
 * lookup), but it returns dev->of_node as is: borrowed. */
#include "kernel_refs.h"

struct device_node *acme_get_node(struct device *dev)
{
    if (!dev->of_node)
        return NULL;
    return dev->of_node; // expect: borrowed-return
}
