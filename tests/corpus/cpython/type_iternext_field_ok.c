/* tp_iternext of a GC-tracked iterator over a list field: the item read with
 * PyList_GET_ITEM belongs to the list, so it is returned with Py_NewRef.
 * tp_traverse/tp_clear/tp_dealloc release the field with Py_VISIT/Py_CLEAR.
 * Correct twin of type_iternext_field_bug.c: same code with the bug fixed.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *seq;  /* list, or NULL when exhausted */
    Py_ssize_t index;
} LIterObject;

static PyObject *
LIter_next(LIterObject *self)
{
    if (self->seq == NULL || self->index >= PyList_GET_SIZE(self->seq))
        return NULL;
    PyObject *item = PyList_GET_ITEM(self->seq, self->index);
    self->index++;
    return Py_NewRef(item);
}

static int
LIter_traverse(LIterObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->seq);
    return 0;
}

static int
LIter_clear(LIterObject *self)
{
    Py_CLEAR(self->seq);
    return 0;
}

static void
LIter_dealloc(LIterObject *self)
{
    PyObject_GC_UnTrack(self);
    LIter_clear(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

PyTypeObject LIterType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "liter.LIter",
    .tp_basicsize = sizeof(LIterObject),
    .tp_dealloc = (destructor)LIter_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)LIter_traverse,
    .tp_clear = (inquiry)LIter_clear,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)LIter_next,
};
