/* helper_new_caller_bug.c: ignoring the default "new reference" contract
 * of a helper defined in the same file.
 * make_edge has no annotation and returns rf_object *, so it returns a new
 * reference (which it does). add_edge appends the edge (no steal) and
 * returns without releasing it. */
#include <rf.h>

static rf_object *make_edge(rf_object *from, rf_object *to)
{
    rf_object *edge = rf_list_new();
    if (edge == NULL)
        return NULL;
    if (rf_list_append(edge, from) < 0 || rf_list_append(edge, to) < 0) {
        RF_DECREF(edge);
        return NULL;
    }
    return edge;
}

int add_edge(rf_object *edges, rf_object *from, rf_object *to)
{
    rf_object *edge = make_edge(from, to);
    if (edge == NULL)
        return -1;
    return rf_list_append(edges, edge); // expect: leak
}
