/* find_from_dropped_ok.c: the search gets its own reference on `soc`
 * (of_node_get), which of_find_compatible_node drops; setup_uart still
 * releases its own (the fixed twin of find_from_dropped_bug.c). */
#include "kernel_refs.h"

int setup_uart(u32 *clk)
{
    struct device_node *soc = of_find_node_by_path("/soc");
    if (!soc)
        return -ENODEV;
    struct device_node *from = of_node_get(soc);
    struct device_node *uart = of_find_compatible_node(from, NULL, "acme,uart");
    int ret = uart ? of_property_read_u32(uart, "clock-frequency", clk) : -ENODEV;
    of_node_put(uart);
    of_node_put(soc);
    return ret;
}
