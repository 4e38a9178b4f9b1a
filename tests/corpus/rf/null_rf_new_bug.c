/* null_rf_new_bug.c: initializing an object before checking rf_new.
 * rf_new returns NULL when memory runs out; cell_new writes the value
 * field through the (cast) result before any NULL check. */
#include <rf.h>

typedef struct {
    RF_OBJECT_HEAD
    long value;
} cell_object;

rf_type cell_type = {
    .name = "cell",
    .size = sizeof(cell_object),
};

rf_object *cell_new(long v)
{
    rf_object *op = rf_new(&cell_type);
    cell_object *self = (cell_object *)op;
    self->value = v; // expect: null-deref
    return op;
}
