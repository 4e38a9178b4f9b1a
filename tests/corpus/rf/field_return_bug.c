/* field_return_bug.c: a getter returns a field without a new reference.
 * counter_label creates the label lazily and caches it in self->label.
 * It returns the field itself, a reference owned by the object, where a
 * new reference is due (the caller will release it). */
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
    return self->label; // expect: borrowed-return
}
