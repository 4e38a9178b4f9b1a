/* cycle-created: the namespace dict gets None under "self", not itself. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

PyObject *make_namespace(PyObject *Py_UNUSED(module), PyObject *Py_UNUSED(args))
{
    PyObject *d = PyDict_New();
    if (d == NULL)
        return NULL;
    if (PyDict_SetItemString(d, "self", Py_None) < 0) {
        Py_DECREF(d);
        return NULL;
    }
    return d;
}
