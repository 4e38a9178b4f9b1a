/* Static helpers that return their argument itself (longobject.c
 * long_normalize, which trims the object in place and returns it).
 * refflow infers "arg1": the result is the caller's own reference.
 * BUG: the caller releases its reference, then returns the result as if it
 * were a new one.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
normalize(PyObject *v)
{
    if (PyList_GET_SIZE(v) > 1)
        PyList_SET_ITEM(v, 1, NULL);
    return v;
}

PyObject *
make_list(Py_ssize_t n)
{
    PyObject *v = PyList_New(n);
    if (v == NULL)
        return NULL;
    PyObject *r = normalize(v);
    Py_DECREF(v);
    return r;  // expect: use-after-release
}
