/* cycle-untraced: a handler owns a callback of any type; a binding owns the
 * handler it belongs to. A handler's callback can be a binding that owns the
 * handler back (handler.callback -> binding.owner -> handler), and handlers
 * have no traverse. */
#include <rf.h>

typedef struct handler { // expect: cycle-untraced
    RF_OBJECT_HEAD
    rf_object *callback; /* owned: any object */
} handler;

typedef struct binding {
    RF_OBJECT_HEAD
    handler *owner;      /* owned */
} binding;

static int binding_traverse(rf_object *self, rf_visitproc visit, void *arg)
{
    binding *b = (binding *)self;
    return b->owner ? visit((rf_object *)b->owner, arg) : 0;
}

static void binding_clear(rf_object *self)
{
    binding *b = (binding *)self;
    RF_CLEAR(b->owner);
}

static void handler_clear(rf_object *self)
{
    handler *h = (handler *)self;
    RF_CLEAR(h->callback);
}

rf_type handler_type = {.name = "handler", .size = sizeof(handler), .clear = handler_clear};
rf_type binding_type = {.name = "binding", .size = sizeof(binding),
                        .traverse = binding_traverse, .clear = binding_clear};
