/* A slot reached through two pointers (_elementtree.c element_getitem,
 * Modules/_elementtree.c:1443-1457: `Py_INCREF(self->extra->children[index]);
 * return self->extra->children[index];`): each statement reads the array
 * through its own chain of temporaries, and both name one slot while the
 * index is unchanged, so the incref'd slot is what is returned. A value
 * read from a slot and incref'd is the function's own: pushing it
 * elsewhere must not lose it on failure (_pickle.c load_dup). */
#include <Python.h>

typedef struct {
    Py_ssize_t length;
    PyObject **children;
} extra_t;

typedef struct {
    PyObject_HEAD
    extra_t *extra;
} element;

static PyObject *
element_getitem(PyObject *self_, Py_ssize_t index)
{
    element *self = (element *)self_;
    if (!self->extra || index < 0 || index >= self->extra->length) {
        PyErr_SetString(PyExc_IndexError, "child index out of range");
        return NULL;
    }
    Py_INCREF(self->extra->children[index]);
    return self->extra->children[index];
}

typedef struct {
    PyObject_VAR_HEAD
    Py_ssize_t allocated;
    PyObject **data;
} stack_t;

typedef struct {
    PyObject_HEAD
    stack_t *stack;
} unpickler;

extern int stack_grow(stack_t *st);

static int
stack_push(stack_t *st, PyObject *obj)
{
    if (Py_SIZE(st) == st->allocated && stack_grow(st) < 0)
        return -1;
    st->data[Py_SIZE(st)] = obj;
    Py_SET_SIZE(st, Py_SIZE(st) + 1);
    return 0;
}

static int
load_dup(unpickler *self)
{
    Py_ssize_t len = Py_SIZE(self->stack);
    if (len == 0)
        return -1;
    PyObject *last = self->stack->data[len - 1];
    Py_INCREF(last);
    if (stack_push(self->stack, last) < 0) {
        Py_DECREF(last); /* _pickle.c's PDATA_APPEND leaks it here */
        return -1;
    }
    return 0;
}

static int
load_new(unpickler *self)
{
    PyObject *n = PyLong_FromLong(1000);
    if (n == NULL)
        return -1;
    if (stack_push(self->stack, n) < 0) {
        Py_DECREF(n);
        return -1;
    }
    return 0;
}

static PySequenceMethods element_as_sequence = {
    .sq_item = element_getitem,
};

int
load_two(unpickler *self)
{
    (void)element_as_sequence;
    return load_new(self) < 0 ? -1 : load_dup(self);
}
