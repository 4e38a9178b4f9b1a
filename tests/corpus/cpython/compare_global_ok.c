/* A result compared equal to a global object (Py_NotImplemented) is that
 * object, so it is not NULL on that side: no null-deref there. Correct. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

PyObject *add_or_none(PyObject *a, PyObject *b)
{
    PyObject *r = PyNumber_Add(a, b);
    if (r == Py_NotImplemented) {
        Py_DECREF(r);
        Py_RETURN_NONE;
    }
    return r;
}
