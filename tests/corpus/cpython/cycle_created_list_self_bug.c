/* cycle-created: a list appended to itself (l = [l]); the collector must
 * free it (a note: lists are GC-tracked). */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

PyObject *self_list(PyObject *Py_UNUSED(module), PyObject *Py_UNUSED(args))
{
    PyObject *l = PyList_New(0);
    if (l == NULL)
        return NULL;
    if (PyList_Append(l, l) < 0) { // expect: cycle-created
        Py_DECREF(l);
        return NULL;
    }
    return l;
}
