/* cycle-untraced: a tree node whose traverse visits its children list but
 * forgets its owned parent pointer: parent <-> child cycles stay invisible. */
#include <rf.h>

typedef struct tnode {
    RF_OBJECT_HEAD
    struct tnode *parent; // expect: cycle-untraced
    rf_object *children;  /* owned list of tnodes */
} tnode;

static int tnode_traverse(rf_object *self, rf_visitproc visit, void *arg)
{
    tnode *n = (tnode *)self;
    return n->children ? visit(n->children, arg) : 0;
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
