/* The twin of err_occurred_guard_ok.c: PyErr_Clear takes the error away, so
 * PyErr_Occurred() no longer tells that the call failed. */
#include <Python.h>

static PyObject *
negated(const char *s)
{
    PyObject *v = PyLong_FromString(s, NULL, 10);
    PyErr_Clear();
    if (PyErr_Occurred()) {
        Py_XDECREF(v);
        return NULL;
    }
    PyObject *r = PyNumber_Negative(v); // expect: null-deref
    Py_DECREF(v);
    return r;
}
