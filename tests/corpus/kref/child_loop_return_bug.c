/* child_loop_return_bug.c: an early error return from inside
 * for_each_available_child_of_node leaks the current child.
 * When a child lacks its "reg" property, count_ports returns -EINVAL
 * while still holding the reference the iterator gave it. */
#include "kernel_refs.h"

int count_ports(struct device_node *ports)
{
    struct device_node *port;
    int n = 0;

    for_each_available_child_of_node(ports, port) {
        u32 reg;
        if (of_property_read_u32(port, "reg", &reg) < 0)
            return -EINVAL; // expect: leak
        n++;
    }
    return n;
}
