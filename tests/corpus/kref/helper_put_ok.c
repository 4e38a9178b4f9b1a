/* helper_put_ok.c: the helper only reads the node; the caller, which owns
 * it, releases it (the fixed twin of helper_put_bug.c). */
#include "kernel_refs.h"

static int uart_is_acme(struct device_node *np)
{
    return of_device_is_compatible(np, "acme,uart");
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
