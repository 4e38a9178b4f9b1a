/* find_errpath_bug.c: a node found by of_find_node_by_name leaks on an
 * error path.
 * read_clock_rate returns -EINVAL when the property is missing without
 * of_node_put(np); the success path releases it. */
#include "kernel_refs.h"

int read_clock_rate(u32 *rate)
{
    struct device_node *np = of_find_node_by_name(NULL, "clocks");
    if (!np)
        return -ENODEV;
    if (of_property_read_u32(np, "clock-frequency", rate) < 0)
        return -EINVAL; // expect: leak
    of_node_put(np);
    return 0;
}
