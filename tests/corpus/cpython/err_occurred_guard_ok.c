/* A negative status from the C API comes with an exception set: after a
 * PyModule_AddObject that failed (and handed o back), PyErr_Occurred() is
 * true, so the function releases o and leaves (rule keywords error-check
 * and error-clear). The twin err_occurred_guard_bug.c clears the error
 * first, so the failed add can reach `return 0` with o leaked. */
#include <Python.h>

static int
add_name(PyObject *m)
{
    PyObject *o = PyUnicode_FromString("refflow");
    if (o == NULL)
        return -1;
    if (PyModule_AddObject(m, "name", o) != 0 && PyErr_Occurred()) {
        Py_DECREF(o);
        return -1;
    }
    return 0;
}
