/* find_from_borrowed_ok.c: take a reference with of_node_get before handing
 * the node to of_find_compatible_node as `from` (the fixed twin of
 * find_from_borrowed_bug.c). */
#include "kernel_refs.h"

struct device_node *acme_next_uart(struct device_node *np)
{
    struct device_node *from = of_node_get(np);
    return of_find_compatible_node(from, NULL, "acme,uart");
}
