/* put_in_loop_bug.c: of_node_put(child) at the end of a for_each_child_of_node
 * body that does not leave the loop.
 * The iterator already drops the previous child on each step, so the
 * explicit put makes the next of_get_next_child release it a second time:
 * reported on the loop line, where the iterator's step runs. */
#include "kernel_refs.h"

int count_disabled(struct device_node *parent)
{
    struct device_node *child;
    int n = 0;

    for_each_child_of_node(parent, child) { // expect: over-release, use-after-release
        if (!of_device_is_available(child))
            n++;
        of_node_put(child);
    }
    return n;
}
