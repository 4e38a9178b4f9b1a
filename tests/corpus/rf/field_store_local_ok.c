/* field_store_local_ok.c: correct twin of field_store_local_bug.c.
 * The rejected value is released; an accepted one is stored in
 * self->value, which hands the reference to the object, and the previous
 * value (a field reference, may be NULL) is released with RF_XDECREF. */
#include <rf.h>

typedef struct {
    RF_OBJECT_HEAD
    rf_object *value;
    long min;
} gauge_object;

static int gauge_traverse(rf_object *op, rf_visitproc visit, void *arg)
{
    gauge_object *self = (gauge_object *)op;
    if (self->value != NULL)
        return visit(self->value, arg);
    return 0;
}

static void gauge_dealloc(rf_object *op)
{
    gauge_object *self = (gauge_object *)op;
    RF_XDECREF(self->value);
}

static void gauge_clear(rf_object *op)
{
    gauge_object *self = (gauge_object *)op;
    RF_CLEAR(self->value);
}

rf_type gauge_type = {
    .name = "gauge",
    .size = sizeof(gauge_object),
    .dealloc = gauge_dealloc,
    .traverse = gauge_traverse,
    .clear = gauge_clear,
};

int gauge_set(rf_object *op, long v)
{
    gauge_object *self = (gauge_object *)op;
    rf_object *value = rf_int_new(v);
    if (value == NULL)
        return -1;
    if (v < self->min) {
        RF_DECREF(value);
        return -1;
    }
    rf_object *old = self->value;
    self->value = value;
    RF_XDECREF(old);
    return 0;
}
