/* type_ctor_fail_bug.c: a constructor loses the half-built object.
 * counter_new creates the object with rf_new, then its name field. If the
 * name cannot be created, it returns NULL without releasing the object.
 * (Storing the new name in self->name is fine: the object owns it.) */
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
    if (self->name == NULL)
        return NULL; // expect: leak
    self->hits = 0;
    return op;
}
