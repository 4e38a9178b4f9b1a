/* PyArg_UnpackTuple stores borrowed references into its PyObject** outputs;
 * using them without releasing is correct. Twin of
 * unpack_tuple_outputs_bug.c. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

PyObject *pair_first(PyObject *args)
{
    PyObject *a, *b = NULL;
    if (!PyArg_UnpackTuple(args, "pair", 1, 2, &a, &b))
        return NULL;
    return PyObject_Repr(a);
}
