/* The twin of array_pop_ok.c whose caller drops the popped element without
 * releasing it: the stack no longer holds it, so it leaks. */
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
    return 0; // expect: leak
}
