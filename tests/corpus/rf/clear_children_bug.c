/* clear_children_bug.c: a clear function releases references it never
 * owned.
 * A tree node owns its children list; the list owns the children. The
 * clear function releases every child (borrowed from the list) and then
 * the list, which releases them again. Only the list is the node's. */
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
    if (self->children != NULL) {
        long n = rf_list_len(self->children);
        for (long i = 0; i < n; i++) {
            rf_object *child = rf_list_get(self->children, i);
            RF_XDECREF(child); // expect: over-release
        }
    }
    RF_CLEAR(self->children);
}

rf_type tree_type = {
    .name = "tree",
    .size = sizeof(tree_object),
    .traverse = tree_traverse,
    .clear = tree_clear,
};
