/* child_loop_return_ok.c: the early error return from inside
 * for_each_available_child_of_node puts the current child first (the fixed
 * twin of child_loop_return_bug.c). */
#include "kernel_refs.h"

int count_ports(struct device_node *ports)
{
    struct device_node *port;
    int n = 0;

    for_each_available_child_of_node(ports, port) {
        u32 reg;
        if (of_property_read_u32(port, "reg", &reg) < 0) {
            of_node_put(port);
            return -EINVAL;
        }
        n++;
    }
    return n;
}
