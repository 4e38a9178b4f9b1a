/* helper_new_caller_ok.c: correct twin of helper_new_caller_bug.c.
 * The new edge from make_edge is released after it is appended. */
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
    int rc = rf_list_append(edges, edge);
    RF_DECREF(edge);
    return rc;
}
