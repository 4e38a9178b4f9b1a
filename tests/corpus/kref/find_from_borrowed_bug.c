/* find_from_borrowed_bug.c: passing a borrowed node as `from` to
 * of_find_compatible_node, which calls of_node_put() on it.
 * acme_next_uart searches onward from its caller's node without taking a
 * reference first, so the search drops a reference it never had. */
#include "kernel_refs.h"

struct device_node *acme_next_uart(struct device_node *np)
{
    return of_find_compatible_node(np, NULL, "acme,uart"); // expect: over-release
}
