/* The twin of helper_store_taker_ok.c whose callers return on a failed
 * push without releasing what the stack did not take (CPython 3.11's
 * PDATA_PUSH after Pdata_push fails to grow). */
#include <Python.h>

typedef struct {
    PyObject_VAR_HEAD
    PyObject **data;
    Py_ssize_t allocated;
} Stack;

static int stack_grow(Stack *self);

static int
stack_push(Stack *self, PyObject *obj)
{
    if (Py_SIZE(self) == self->allocated && stack_grow(self) < 0)
        return -1;
    self->data[Py_SIZE(self)] = obj;
    Py_SET_SIZE(self, Py_SIZE(self) + 1);
    return 0;
}

static int
push_copy(Stack *st, PyObject *item)
{
    Py_INCREF(item);
    if (stack_push(st, item) < 0)
        return -1; // expect: leak
    return 0;
}

static int
push_int(Stack *st, long x)
{
    PyObject *value = PyLong_FromLong(x);
    if (value == NULL)
        return -1;
    if (stack_push(st, value) < 0)
        return -1; // expect: leak
    return 0;
}
