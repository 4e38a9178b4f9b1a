/* After a call of the C API failed (a NULL new reference), an exception is
 * set: `if (PyErr_Occurred()) return NULL;` leaves on that path, so the
 * NULL is never used (rule keywords error-check / error-clear). The twin
 * err_occurred_guard_bug.c clears the error first. */
#include <Python.h>

static PyObject *
negated(const char *s)
{
    PyObject *v = PyLong_FromString(s, NULL, 10);
    if (PyErr_Occurred()) {
        Py_XDECREF(v);
        return NULL;
    }
    PyObject *r = PyNumber_Negative(v);
    Py_DECREF(v);
    return r;
}
