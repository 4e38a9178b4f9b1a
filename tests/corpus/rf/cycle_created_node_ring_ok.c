/* cycle-created: the pair linked the usual way: a->next owns b, b->prev is
 * a borrowed back-pointer (annotated, no incref), so the nodes do not hold
 * each other; next-only chains cannot form cycles the collector misses
 * either, since dnode has a traverse. */
#include <rf.h>

typedef struct dnode {
    RF_OBJECT_HEAD
    struct dnode *next;                 /* owned */
    RF_BORROWED_REF struct dnode *prev; /* borrowed back-pointer */
} dnode;

static int dnode_traverse(rf_object *self, rf_visitproc visit, void *arg)
{
    dnode *n = (dnode *)self;
    return n->next ? visit((rf_object *)n->next, arg) : 0;
}

static void dnode_clear(rf_object *self)
{
    dnode *n = (dnode *)self;
    RF_CLEAR(n->next);
}

static rf_type dnode_type = {.name = "dnode", .size = sizeof(dnode),
                             .traverse = dnode_traverse, .clear = dnode_clear};

rf_object *make_pair(void)
{
    dnode *a = (dnode *)rf_new(&dnode_type);
    if (a == NULL)
        return NULL;
    dnode *b = (dnode *)rf_new(&dnode_type);
    if (b == NULL) {
        RF_DECREF(a);
        return NULL;
    }
    a->next = b;     /* a owns b */
    b->prev = a;     /* borrowed */
    return (rf_object *)a;
}
