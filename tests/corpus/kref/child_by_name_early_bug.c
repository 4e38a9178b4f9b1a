/* child_by_name_early_bug.c: an early return leaks the node returned by
 * of_get_child_by_name.
 * When the "ports" child is disabled, probe_ports returns 0 early and
 * forgets the reference of_get_child_by_name gave it. */
#include "kernel_refs.h"

int probe_ports(struct device *dev)
{
    struct device_node *ports = of_get_child_by_name(dev->of_node, "ports");
    if (!ports)
        return -ENODEV;
    if (!of_device_is_available(ports))
        return 0; // expect: leak
    dev_err(dev, "ports at %s\n", ports->full_name);
    of_node_put(ports);
    return 0;
}
