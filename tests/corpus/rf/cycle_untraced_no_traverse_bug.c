/* cycle-untraced: a doubly linked node whose next/prev fields own nodes,
 * described by an rf_type without a traverse: a ring of nodes is never freed. */
#include <rf.h>

typedef struct dnode { // expect: cycle-untraced
    RF_OBJECT_HEAD
    struct dnode *next;  /* owned */
    struct dnode *prev;  /* owned */
    rf_object *value;    /* owned */
} dnode;

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
    .dealloc = dnode_clear,
};
