/* freelist_revive_ok.c with the failed allocation returning without
 * releasing the revived (or new) object.
 * BUG: a leak of the object on the failure return. */
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
    if (op->items == NULL)
        return PyErr_NoMemory();  // expect: leak
    op->allocated = size;
    return (PyObject *)op;
}

void
bag_undo_resurrection(PyObject *self, Py_ssize_t refcnt)
{
    _Py_NewReference(self);
    Py_SET_REFCNT(self, refcnt);
}
