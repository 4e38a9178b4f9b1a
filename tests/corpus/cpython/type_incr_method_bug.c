/* A method replacing an object field: Py_SETREF stores the new value (the
 * object now holds it) and releases the old one; the temporary 'delta' is
 * this method's to release.
 * BUG: 'delta' is never released: lost on both returns after the add.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *value;  /* int, never NULL after tp_init */
} CounterObject;

static PyObject *
Counter_add(CounterObject *self, PyObject *args)
{
    long step;
    if (!PyArg_ParseTuple(args, "l", &step))
        return NULL;
    PyObject *delta = PyLong_FromLong(step);
    if (delta == NULL)
        return NULL;
    PyObject *sum = PyNumber_Add(self->value, delta);
    if (sum == NULL)
        return NULL;  // expect: leak
    Py_SETREF(self->value, sum);
    return Py_NewRef(self->value);  // expect: leak
}

static int
Counter_init(CounterObject *self, PyObject *args, PyObject *kwds)
{
    PyObject *zero = PyLong_FromLong(0);
    if (zero == NULL)
        return -1;
    Py_XSETREF(self->value, zero);
    return 0;
}

static void
Counter_dealloc(CounterObject *self)
{
    Py_CLEAR(self->value);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyMethodDef Counter_methods[] = {
    {"add", (PyCFunction)Counter_add, METH_VARARGS, "add(step) -> new value"},
    {NULL, NULL, 0, NULL},
};

PyTypeObject CounterType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "count.Counter",
    .tp_basicsize = sizeof(CounterObject),
    .tp_dealloc = (destructor)Counter_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_methods = Counter_methods,
    .tp_init = (initproc)Counter_init,
    .tp_new = PyType_GenericNew,
};
