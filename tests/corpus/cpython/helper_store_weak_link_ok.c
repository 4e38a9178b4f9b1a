/* A helper that stores its argument as a borrowed link (a weak reference's
 * referent, weakrefobject.c init_weakref): no caller increfs the argument
 * for the call, so storing alone does not make the helper a taker, and its
 * callers keep their references. */
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *referent; /* borrowed: cleared when the referent dies */
} WeakLink;

static void
link_init(WeakLink *self, PyObject *ob)
{
    self->referent = ob;
}

static PyObject *
link_new(PyTypeObject *type, PyObject *ob)
{
    WeakLink *self = PyObject_New(WeakLink, type);
    if (self == NULL)
        return NULL;
    link_init(self, ob);
    return (PyObject *)self;
}

static PyObject *
link_new_owned(PyTypeObject *type)
{
    PyObject *ob = PyList_New(0);
    if (ob == NULL)
        return NULL;
    PyObject *res = link_new(type, ob);
    Py_DECREF(ob);
    return res;
}
