/* pop_after_read_ok.c's read-then-move, but an iterator: it advances its
 * index with an integer store and does not shrink the container, so the
 * container keeps its reference to the element.
 * BUG: the element is returned without a reference of its own. */
#include <Python.h>

typedef struct {
    PyObject_VAR_HEAD
    Py_ssize_t index;
    PyObject **items;
} IterObject;

static PyObject *
iter_next(IterObject *self)
{
    if (self->index >= Py_SIZE(self))
        return NULL;
    PyObject *item = self->items[self->index];
    self->index++;
    return item;  // expect: borrowed-return
}

/* A size-setter call pops only from the container it resizes: an
 * argument read from the caller's args array stays the caller's.
 * BUG: it is returned without a reference of its own. */
static PyObject *
iter_push(IterObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs < 1)
        return NULL;
    PyObject *item = args[0];
    Py_SET_SIZE(self, Py_SIZE(self) + 1);
    return item;  // expect: borrowed-return
}

static PyMethodDef iter_methods[] = {
    {"push", (PyCFunction)(void (*)(void))iter_push, METH_FASTCALL, NULL},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject Iter_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "parb.Iter",
    .tp_basicsize = sizeof(IterObject),
    .tp_iternext = (iternextfunc)iter_next,
    .tp_methods = iter_methods,
};

static struct PyModuleDef parb_module = {PyModuleDef_HEAD_INIT, "parb", NULL, -1, NULL};

PyMODINIT_FUNC PyInit_parb(void)
{
    if (PyType_Ready(&Iter_Type) < 0)
        return NULL;
    return PyModule_Create(&parb_module);
}
