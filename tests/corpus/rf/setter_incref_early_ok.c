/* setter_incref_early_ok.c: correct twin of setter_incref_early_bug.c.
 * The shortcut is taken before any reference is made; the reference taken
 * afterwards is handed to the field, and the old field value is released
 * with RF_XDECREF (it may be NULL). */
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
    if (self->name == name)
        return 0;
    RF_INCREF(name);
    rf_object *old = self->name;
    self->name = name;
    RF_XDECREF(old);
    return 0;
}
