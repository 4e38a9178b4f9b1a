/* cycle-untraced: the tree node's traverse visits both owned fields. */
#include <rf.h>

typedef struct tnode {
    RF_OBJECT_HEAD
    struct tnode *parent;
    rf_object *children;  /* owned list of tnodes */
} tnode;

static int tnode_traverse(rf_object *self, rf_visitproc visit, void *arg)
{
    tnode *n = (tnode *)self;
    int r = n->parent ? visit((rf_object *)n->parent, arg) : 0;
    if (r == 0 && n->children)
        r = visit(n->children, arg);
    return r;
}

static void tnode_clear(rf_object *self)
{
    tnode *n = (tnode *)self;
    RF_CLEAR(n->parent);
    RF_CLEAR(n->children);
}

rf_type tnode_type = {
    .name = "tnode",
    .size = sizeof(tnode),
    .traverse = tnode_traverse,
    .clear = tnode_clear,
};
