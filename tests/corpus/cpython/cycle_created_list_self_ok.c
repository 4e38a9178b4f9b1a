/* cycle-created: a list given a new empty list, not itself: no cycle. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

PyObject *nested_list(PyObject *Py_UNUSED(module), PyObject *Py_UNUSED(args))
{
    PyObject *l = PyList_New(0);
    if (l == NULL)
        return NULL;
    PyObject *inner = PyList_New(0);
    if (inner == NULL || PyList_Append(l, inner) < 0) {
        Py_XDECREF(inner);
        Py_DECREF(l);
        return NULL;
    }
    Py_DECREF(inner);
    return l;
}
