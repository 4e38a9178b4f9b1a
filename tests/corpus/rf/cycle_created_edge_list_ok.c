/* cycle-created: a graph node's edge list gets another node appended, not
 * the node itself: no cycle is made here. */
#include <rf.h>

typedef struct gnode {
    RF_OBJECT_HEAD
    rf_object *edges; /* owned list of gnodes */
} gnode;

static int gnode_traverse(rf_object *self, rf_visitproc visit, void *arg)
{
    gnode *n = (gnode *)self;
    return n->edges ? visit(n->edges, arg) : 0;
}

static void gnode_clear(rf_object *self)
{
    gnode *n = (gnode *)self;
    RF_CLEAR(n->edges);
}

rf_type gnode_type = {.name = "gnode", .size = sizeof(gnode),
                      .traverse = gnode_traverse, .clear = gnode_clear};

RF_STATUS int add_edge(gnode *n, gnode *to)
{
    return rf_list_append(n->edges, (rf_object *)to);
}
