/* A result that is either Py_NotImplemented or a new object, with the
 * singleton incref'd before the return (_datetimemodule.c delta_add): the
 * comparison with the same global decides the branch, so the borrowed
 * singleton is never returned without its reference. */
#include <Python.h>

static PyObject *make_sum(PyObject *a, PyObject *b);

static PyObject *
pair_add(PyObject *left, PyObject *right)
{
    PyObject *result = Py_NotImplemented;
    if (PyLong_Check(left) && PyLong_Check(right))
        result = make_sum(left, right);
    if (result == Py_NotImplemented)
        Py_INCREF(result);
    return result;
}
