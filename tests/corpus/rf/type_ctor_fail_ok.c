/* type_ctor_fail_ok.c: correct twin of type_ctor_fail_bug.c.
 * When the name cannot be created the half-built object is released (its
 * clear function copes with the NULL field). The new name stored in
 * self->name belongs to the object; counter_clear drops it with RF_CLEAR. */
#include <rf.h>

typedef struct {
    RF_OBJECT_HEAD
    rf_object *name;
    long hits;
} counter_object;

static int counter_traverse(rf_object *op, rf_visitproc visit, void *arg)
{
    counter_object *self = (counter_object *)op;
    if (self->name != NULL)
        return visit(self->name, arg);
    return 0;
}

static void counter_clear(rf_object *op)
{
    counter_object *self = (counter_object *)op;
    RF_CLEAR(self->name);
}

static rf_type counter_type = {
    .name = "counter",
    .size = sizeof(counter_object),
    .traverse = counter_traverse,
    .clear = counter_clear,
};

rf_object *counter_new(const char *name)
{
    rf_object *op = rf_new(&counter_type);
    if (op == NULL)
        return NULL;
    counter_object *self = (counter_object *)op;
    self->name = rf_str_new(name);
    if (self->name == NULL) {
        RF_DECREF(op);
        return NULL;
    }
    self->hits = 0;
    return op;
}
