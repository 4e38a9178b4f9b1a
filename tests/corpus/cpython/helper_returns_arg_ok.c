/* Static helpers that return their argument itself: a checked cast
 * (exceptions.c _PyBaseExceptionObject_cast) and a normalizing helper
 * (longobject.c long_normalize, which trims the object in place and
 * returns it). refflow infers "arg1": the result is the caller's own
 * reference, so `return normalize(v)` hands the new reference on, and a
 * cast of a parameter is not a possibly-NULL result. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static inline PyBaseExceptionObject *
exc_cast(PyObject *exc)
{
    assert(PyExceptionInstance_Check(exc));
    return (PyBaseExceptionObject *)exc;
}

static PyObject *
normalize(PyObject *v)
{
    if (PyList_GET_SIZE(v) > 1)
        PyList_SET_ITEM(v, 1, NULL);
    return v;
}

PyObject *
exc_get_args(PyObject *self)
{
    PyBaseExceptionObject *base = exc_cast(self);
    return Py_NewRef(base->args);
}

PyObject *
make_list(Py_ssize_t n)
{
    PyObject *v = PyList_New(n);
    if (v == NULL)
        return NULL;
    return normalize(v);
}
