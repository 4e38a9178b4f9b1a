/* double_put_ok.c: the phandle target is released exactly once (the fixed
 * twin of double_put_bug.c). */
#include "kernel_refs.h"

int parse_phy(struct device_node *np, u32 *addr)
{
    struct device_node *phy = of_parse_phandle(np, "phy-handle", 0);
    if (!phy)
        return -ENODEV;
    int ret = of_property_read_u32(phy, "reg", addr);
    of_node_put(phy);
    if (ret < 0)
        return ret;
    return 0;
}
