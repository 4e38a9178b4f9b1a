/* The twin of err_occurred_guard_ok.c: PyErr_Clear takes the error away,
 * so after a failed add PyErr_Occurred() is false and o leaks. */
#include <Python.h>

static int
add_name(PyObject *m)
{
    PyObject *o = PyUnicode_FromString("refflow");
    if (o == NULL)
        return -1;
    int r = PyModule_AddObject(m, "name", o);
    PyErr_Clear();
    if (r != 0 && PyErr_Occurred()) {
        Py_DECREF(o);
        return -1;
    }
    return 0; // expect: leak
}
