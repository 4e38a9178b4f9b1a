/* A borrowed back-link stored first, and a reference taken on the same
 * object later for a tuple that steals it (a reviewer's case): the incref
 * is the tuple's, not a payment for the back-link, so nothing is
 * over-released. */
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *owner; /* borrowed back-link: the owner outlives the child */
} child;

int
child_attach(child *self, PyObject *owner, PyObject *log)
{
    self->owner = owner;
    if (log == NULL)
        return 0;
    if (!PyList_Check(log))
        return 0;
    PyObject *entry = PyTuple_New(1);
    if (entry == NULL)
        return -1;
    Py_INCREF(owner);
    PyTuple_SET_ITEM(entry, 0, owner);
    int r = PyList_Append(log, entry);
    Py_DECREF(entry);
    return r;
}
