/* double_put_bug.c: the same node released twice.
 * parse_phy puts the phandle target right after reading it, then again on
 * the error path (a copy-pasted cleanup). */
#include "kernel_refs.h"

int parse_phy(struct device_node *np, u32 *addr)
{
    struct device_node *phy = of_parse_phandle(np, "phy-handle", 0);
    if (!phy)
        return -ENODEV;
    int ret = of_property_read_u32(phy, "reg", addr);
    of_node_put(phy);
    if (ret < 0) {
        of_node_put(phy); // expect: over-release, use-after-release
        return ret;
    }
    return 0;
}
