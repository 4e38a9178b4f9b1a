/* PyArg_UnpackTuple stores borrowed references into its PyObject** outputs.
 * BUG: releasing one of them takes a reference the caller never got. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

PyObject *pair_first(PyObject *args)
{
    PyObject *a, *b = NULL;
    if (!PyArg_UnpackTuple(args, "pair", 1, 2, &a, &b))
        return NULL;
    PyObject *r = PyObject_Repr(a);
    Py_DECREF(a);  // expect: over-release
    return r;
}
