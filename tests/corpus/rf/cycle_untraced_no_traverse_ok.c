/* cycle-untraced: the same doubly linked node, made visible to the collector:
 * its rf_type has a traverse (visiting every owned field) and a clear. */
#include <rf.h>

typedef struct dnode {
    RF_OBJECT_HEAD
    struct dnode *next;  /* owned */
    struct dnode *prev;  /* owned */
    rf_object *value;    /* owned */
} dnode;

static int dnode_traverse(rf_object *self, rf_visitproc visit, void *arg)
{
    dnode *n = (dnode *)self;
    int r = n->next ? visit((rf_object *)n->next, arg) : 0;
    if (r == 0 && n->prev)
        r = visit((rf_object *)n->prev, arg);
    if (r == 0 && n->value)
        r = visit(n->value, arg);
    return r;
}

static void dnode_clear(rf_object *self)
{
    dnode *n = (dnode *)self;
    RF_CLEAR(n->next);
    RF_CLEAR(n->prev);
    RF_CLEAR(n->value);
}

rf_type dnode_type = {
    .name = "dnode",
    .size = sizeof(dnode),
    .traverse = dnode_traverse,
    .clear = dnode_clear,
    .flags = RF_TPFLAGS_GC,
};
