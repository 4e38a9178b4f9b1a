/* lookup.c: option_get returns a new reference to the option. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

PyObject *option_get(PyObject *options, const char *name)
{
    PyObject *v = PyDict_GetItemString(options, name);
    Py_XINCREF(v);
    return v;
}
