/* tp_repr formatting two object fields: both intermediate repr strings are
 * new references that must be released after formatting.
 * BUG: 'ys' is not released: lost on the final return.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *x;
    PyObject *y;
} VecObject;

static PyObject *
Vec_repr(VecObject *self)
{
    PyObject *xs = PyObject_Repr(self->x);
    if (xs == NULL)
        return NULL;
    PyObject *ys = PyObject_Repr(self->y);
    if (ys == NULL) {
        Py_DECREF(xs);
        return NULL;
    }
    PyObject *res = PyUnicode_FromFormat("Vec(%U, %U)", xs, ys);
    Py_DECREF(xs);
    return res;  // expect: leak
}

static void
Vec_dealloc(VecObject *self)
{
    Py_CLEAR(self->x);
    Py_CLEAR(self->y);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

PyTypeObject VecType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "vec.Vec",
    .tp_basicsize = sizeof(VecObject),
    .tp_dealloc = (destructor)Vec_dealloc,
    .tp_repr = (reprfunc)Vec_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = PyType_GenericNew,
};
