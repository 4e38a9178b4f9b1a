/* The twin of ptr_eq_global_ok.c comparing against the wrong singleton:
 * the Py_NotImplemented path returns it without a reference. */
#include <Python.h>

static PyObject *make_sum(PyObject *a, PyObject *b);

static PyObject *
pair_add(PyObject *left, PyObject *right)
{
    PyObject *result = Py_NotImplemented;
    if (PyLong_Check(left) && PyLong_Check(right))
        result = make_sum(left, right);
    if (result == Py_None)
        Py_INCREF(result);
    return result; // expect: borrowed-return
}
