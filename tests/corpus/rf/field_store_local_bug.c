/* field_store_local_bug.c: a value meant for a field is dropped on a
 * validation path.
 * gauge_set makes the new value first and validates afterwards. When the
 * value is below the minimum it returns -1 and the new int, never stored
 * in self->value, is lost. */
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
    if (v < self->min)
        return -1; // expect: leak
    rf_object *old = self->value;
    self->value = value;
    RF_XDECREF(old);
    return 0;
}
