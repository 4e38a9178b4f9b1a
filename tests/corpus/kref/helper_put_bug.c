/* helper_put_bug.c: of_node_put on a node the function only borrows.
 * uart_is_acme is handed `np` by its caller, which keeps (and later puts)
 * its own reference; the helper drops one anyway. A parameter that is only
 * put is borrowed, not taken over: the put is the over-release. */
#include "kernel_refs.h"

static int uart_is_acme(struct device_node *np)
{
    int ok = of_device_is_compatible(np, "acme,uart");
    of_node_put(np); // expect: over-release
    return ok;
}

int probe_uart(struct device *dev)
{
    struct device_node *np = of_get_child_by_name(dev->of_node, "uart");
    if (!np)
        return -ENODEV;
    int ok = uart_is_acme(np);
    of_node_put(np);
    return ok ? 0 : -ENODEV;
}
