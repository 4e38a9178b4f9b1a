/* clear_children_ok.c: correct twin of clear_children_bug.c.
 * The clear function drops only the node's own reference, the children
 * list (RF_CLEAR on the field); the list releases its children itself. */
#include <rf.h>

typedef struct {
    RF_OBJECT_HEAD
    rf_object *children;
} tree_object;

static int tree_traverse(rf_object *op, rf_visitproc visit, void *arg)
{
    tree_object *self = (tree_object *)op;
    if (self->children != NULL)
        return visit(self->children, arg);
    return 0;
}

static void tree_clear(rf_object *op)
{
    tree_object *self = (tree_object *)op;
    RF_CLEAR(self->children);
}

rf_type tree_type = {
    .name = "tree",
    .size = sizeof(tree_object),
    .traverse = tree_traverse,
    .clear = tree_clear,
};
