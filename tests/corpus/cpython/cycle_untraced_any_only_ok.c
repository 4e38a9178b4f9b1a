/* cycle-untraced: a range-like type holding three PyObject * bounds (ints),
 * not GC-tracked, and a weak-reference list. No field is declared to hold a
 * RangeObject, so the type is not on a cycle of the type graph by itself:
 * nothing to report (CPython's own range and slice types look like this). */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *start, *stop, *step; /* owned ints */
    PyObject *weakreflist;         /* borrowed by convention */
} RangeObject;

static void range_dealloc(RangeObject *self)
{
    Py_XDECREF(self->start);
    Py_XDECREF(self->stop);
    Py_XDECREF(self->step);
    PyObject_Free(self);
}

static PyTypeObject Range_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "demo.Range",
    .tp_basicsize = sizeof(RangeObject),
    .tp_dealloc = (destructor)range_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
};

int add_range_type(PyObject *module)
{
    return PyModule_AddType(module, &Range_Type);
}
