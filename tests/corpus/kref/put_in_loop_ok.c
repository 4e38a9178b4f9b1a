/* put_in_loop_ok.c: a for_each_child_of_node body that does not leave the
 * loop leaves the releasing to the iterator (the fixed twin of
 * put_in_loop_bug.c). */
#include "kernel_refs.h"

int count_disabled(struct device_node *parent)
{
    struct device_node *child;
    int n = 0;

    for_each_child_of_node(parent, child) {
        if (!of_device_is_available(child))
            n++;
    }
    return n;
}
