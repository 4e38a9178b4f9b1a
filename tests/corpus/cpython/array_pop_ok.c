/* A stack pop (_pickle.c Pdata_pop): the size is lowered with Py_SET_SIZE
 * (a size-setter rule), then the slot past the new end is returned. The
 * slot's reference moves to the caller, who releases it. */
#include <Python.h>

typedef struct {
    PyObject_VAR_HEAD
    PyObject **data;
} Stack;

static PyObject *
stack_pop(Stack *self)
{
    if (Py_SIZE(self) <= 0) {
        PyErr_SetString(PyExc_IndexError, "pop from an empty stack");
        return NULL;
    }
    Py_SET_SIZE(self, Py_SIZE(self) - 1);
    return self->data[Py_SIZE(self)];
}

static int
drop_top(Stack *st)
{
    PyObject *top = stack_pop(st);
    if (top == NULL)
        return -1;
    Py_DECREF(top);
    return 0;
}
