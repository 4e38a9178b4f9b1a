/* field_return_ok.c: correct twin of field_return_bug.c.
 * The cached label is returned with a new reference (rf_newref); the
 * object keeps its own. */
#include <rf.h>

typedef struct {
    RF_OBJECT_HEAD
    rf_object *label;
    long hits;
} counter_object;

static int counter_traverse(rf_object *op, rf_visitproc visit, void *arg)
{
    counter_object *self = (counter_object *)op;
    if (self->label != NULL)
        return visit(self->label, arg);
    return 0;
}

static void counter_clear(rf_object *op)
{
    counter_object *self = (counter_object *)op;
    RF_CLEAR(self->label);
}

rf_type counter_type = {
    .name = "counter",
    .size = sizeof(counter_object),
    .traverse = counter_traverse,
    .clear = counter_clear,
};

rf_object *counter_label(rf_object *op)
{
    counter_object *self = (counter_object *)op;
    if (self->label == NULL) {
        self->label = rf_str_new("counter");
        if (self->label == NULL)
            return NULL;
    }
    return rf_newref(self->label);
}
