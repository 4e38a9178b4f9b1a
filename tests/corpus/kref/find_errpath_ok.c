/* find_errpath_ok.c: the node found by of_find_node_by_name is released on
 * every path, with the kernel's goto-out idiom (the fixed twin of
 * find_errpath_bug.c). */
#include "kernel_refs.h"

int read_clock_rate(u32 *rate)
{
    int ret = 0;
    struct device_node *np = of_find_node_by_name(NULL, "clocks");
    if (!np)
        return -ENODEV;
    if (of_property_read_u32(np, "clock-frequency", rate) < 0) {
        ret = -EINVAL;
        goto out;
    }
out:
    of_node_put(np);
    return ret;
}
