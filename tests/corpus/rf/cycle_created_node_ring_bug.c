/* cycle-created: a->next owns b and b->prev owns a (after an incref): the
 * two nodes hold each other, and dnode has no traverse, so the pair is never
 * freed (a warning; the type itself is reported by cycle-untraced). */
#include <rf.h>

typedef struct dnode { // expect: cycle-untraced
    RF_OBJECT_HEAD
    struct dnode *next; /* owned */
    struct dnode *prev; /* owned */
} dnode;

static void dnode_clear(rf_object *self)
{
    dnode *n = (dnode *)self;
    RF_CLEAR(n->next);
    RF_CLEAR(n->prev);
}

static rf_type dnode_type = {.name = "dnode", .size = sizeof(dnode), .dealloc = dnode_clear};

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
    RF_INCREF(a);
    b->prev = a;     // expect: cycle-created
    return (rf_object *)a;
}
