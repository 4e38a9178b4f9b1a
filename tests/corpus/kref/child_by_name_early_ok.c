/* child_by_name_early_ok.c: the early return releases the node returned by
 * of_get_child_by_name (the fixed twin of child_by_name_early_bug.c). */
#include "kernel_refs.h"

int probe_ports(struct device *dev)
{
    struct device_node *ports = of_get_child_by_name(dev->of_node, "ports");
    if (!ports)
        return -ENODEV;
    if (!of_device_is_available(ports)) {
        of_node_put(ports);
        return 0;
    }
    dev_err(dev, "ports at %s\n", ports->full_name);
    of_node_put(ports);
    return 0;
}
