/* setter_incref_early_bug.c: a setter takes a reference too early.
 * counter_set_name takes a reference to the new name for the field, then
 * takes a shortcut when the name is unchanged and returns without storing
 * or releasing that reference. */
#include <rf.h>

typedef struct {
    RF_OBJECT_HEAD
    rf_object *name;
} named_object;

static int named_traverse(rf_object *op, rf_visitproc visit, void *arg)
{
    named_object *self = (named_object *)op;
    if (self->name != NULL)
        return visit(self->name, arg);
    return 0;
}

static void named_clear(rf_object *op)
{
    named_object *self = (named_object *)op;
    RF_CLEAR(self->name);
}

rf_type named_type = {
    .name = "named",
    .size = sizeof(named_object),
    .traverse = named_traverse,
    .clear = named_clear,
};

int named_set_name(rf_object *op, rf_object *name)
{
    named_object *self = (named_object *)op;
    RF_INCREF(name);
    if (self->name == name)
        return 0; // expect: leak
    rf_object *old = self->name;
    self->name = name;
    RF_XDECREF(old);
    return 0;
}
