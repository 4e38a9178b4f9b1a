/* child_loop_break_ok.c: breaking out of for_each_child_of_node after
 * of_node_put(child) (the fixed twin of child_loop_break_bug.c). */
#include "kernel_refs.h"

int find_reg_base(struct device_node *parent, u32 *base)
{
    struct device_node *child;
    int found = 0;

    for_each_child_of_node(parent, child) {
        if (of_property_read_u32(child, "reg", base) == 0) {
            found = 1;
            of_node_put(child);
            break;
        }
    }
    return found ? 0 : -ENODEV;
}
