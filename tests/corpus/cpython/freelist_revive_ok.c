/* A free list's entry comes back to life (PyList_New, Objects/listobject.c:
 * 170-197: `op = state->free_list[--numfree]; _Py_NewReference(op);`): the
 * entry is read from the list as a plain pointer, and _Py_NewReference sets
 * its count to 1, so the function owns the reference it returns; a failure
 * after that releases it. A parameter's object stays the caller's (a
 * dealloc undoing a resurrection). */
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject **items;
    Py_ssize_t allocated;
} bag;

static PyTypeObject bag_type;

#define MAXFREE 16
static bag *free_bags[MAXFREE];
static int nfree;

PyObject *
bag_new(Py_ssize_t size)
{
    bag *op;
    if (nfree) {
        nfree--;
        op = free_bags[nfree];
        _Py_NewReference((PyObject *)op);
    }
    else {
        op = PyObject_New(bag, &bag_type);
        if (op == NULL)
            return NULL;
    }
    op->items = PyMem_Calloc(size > 0 ? size : 1, sizeof(PyObject *));
    if (op->items == NULL) {
        Py_DECREF(op);
        return PyErr_NoMemory();
    }
    op->allocated = size;
    return (PyObject *)op;
}

void
bag_undo_resurrection(PyObject *self, Py_ssize_t refcnt)
{
    _Py_NewReference(self);
    Py_SET_REFCNT(self, refcnt);
}
