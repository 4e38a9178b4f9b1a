/* null_rf_new_ok.c: correct twin of null_rf_new_bug.c.
 * rf_new's result is checked before the object is initialized; NULL is
 * passed on to the caller. */
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
    if (op == NULL)
        return NULL;
    cell_object *self = (cell_object *)op;
    self->value = v;
    return op;
}
