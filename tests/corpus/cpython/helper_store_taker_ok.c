/* A helper that takes its argument over by storing it alone (pickle's
 * Pdata_push): the store happens on success, the failure return keeps the
 * argument, and a caller increfs the argument for the call. The helper
 * steals on success, so the callers that release on failure are right. */
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
    if (stack_push(st, item) < 0) {
        Py_DECREF(item);
        return -1;
    }
    return 0;
}

static int
push_int(Stack *st, long x)
{
    PyObject *value = PyLong_FromLong(x);
    if (value == NULL)
        return -1;
    if (stack_push(st, value) < 0) {
        Py_DECREF(value);
        return -1;
    }
    return 0;
}
