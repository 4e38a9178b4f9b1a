/* find_from_dropped_bug.c: of_find_compatible_node drops its `from` node.
 * The search starts after `soc` and calls of_node_put(soc) itself (it is
 * meant for iterating over all nodes, not for searching below soc), so the
 * final of_node_put(soc) releases a reference setup_uart gave away. */
#include "kernel_refs.h"

int setup_uart(u32 *clk)
{
    struct device_node *soc = of_find_node_by_path("/soc");
    if (!soc)
        return -ENODEV;
    struct device_node *uart = of_find_compatible_node(soc, NULL, "acme,uart");
    int ret = uart ? of_property_read_u32(uart, "clock-frequency", clk) : -ENODEV;
    of_node_put(uart);
    of_node_put(soc); // expect: over-release
    return ret;
}
