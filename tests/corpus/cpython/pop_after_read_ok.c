/* A pop that reads the slot first and shrinks after (_collectionsmodule.c
 * deque_pop: `item = b->items[i]; ...; Py_SET_SIZE(deque, Py_SIZE(deque) -
 * 1); return item;`; listobject.c list_pop_impl with list_resize): the
 * container's reference to the element goes to the caller. */
#include <Python.h>

typedef struct {
    PyObject_VAR_HEAD
    Py_ssize_t top;
    PyObject **items;
} StackObject;

static PyObject *
stack_pop(StackObject *self, PyObject *noargs)
{
    if (Py_SIZE(self) == 0) {
        PyErr_SetString(PyExc_IndexError, "pop from an empty stack");
        return NULL;
    }
    PyObject *item = self->items[self->top];
    self->items[self->top] = NULL;
    self->top--;
    Py_SET_SIZE(self, Py_SIZE(self) - 1);
    return item;
}

static PyMethodDef stack_methods[] = {
    {"pop", (PyCFunction)stack_pop, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject Stack_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "par.Stack",
    .tp_basicsize = sizeof(StackObject),
    .tp_methods = stack_methods,
};

static struct PyModuleDef par_module = {PyModuleDef_HEAD_INIT, "par", NULL, -1, NULL};

PyMODINIT_FUNC PyInit_par(void)
{
    if (PyType_Ready(&Stack_Type) < 0)
        return NULL;
    return PyModule_Create(&par_module);
}
