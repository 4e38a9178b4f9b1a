/* cycle-created: a namespace dict stored into itself under "self"
 * (d["self"] = d). */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

PyObject *make_namespace(PyObject *Py_UNUSED(module), PyObject *Py_UNUSED(args))
{
    PyObject *d = PyDict_New();
    if (d == NULL)
        return NULL;
    if (PyDict_SetItemString(d, "self", d) < 0) { // expect: cycle-created
        Py_DECREF(d);
        return NULL;
    }
    return d;
}
