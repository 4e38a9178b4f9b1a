/* child_loop_break_bug.c: breaking out of for_each_child_of_node keeps the
 * child's reference.
 * Each step of the loop drops the previous child (of_get_next_child), so a
 * "break" leaves the caller holding `child`: find_reg_base returns without
 * of_node_put(child). The classic device-tree leak. */
#include "kernel_refs.h"

int find_reg_base(struct device_node *parent, u32 *base)
{
    struct device_node *child;
    int found = 0;

    for_each_child_of_node(parent, child) {
        if (of_property_read_u32(child, "reg", base) == 0) {
            found = 1;
            break;
        }
    }
    return found ? 0 : -ENODEV; // expect: leak
}
