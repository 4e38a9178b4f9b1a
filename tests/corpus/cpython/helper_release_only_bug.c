/* The twin of helper_release_only_ok.c whose caller hands the consuming
 * helper an iterator it only borrows: consume passes its parameter on to a
 * taker, so it takes it over too, and its own caller, which releases the
 * iterator after the call, releases it a second time. */
#include <Python.h>

static PyObject *
finalize_iterator(PyObject *it)
{
    if (PyErr_Occurred()) {
        if (PyErr_ExceptionMatches(PyExc_StopIteration))
            PyErr_Clear();
        else {
            Py_DECREF(it);
            return NULL;
        }
    }
    Py_DECREF(it);
    Py_RETURN_NONE;
}

static PyObject *
consume(PyObject *it)
{
    PyObject *item;
    while ((item = PyIter_Next(it)) != NULL)
        Py_DECREF(item);
    return finalize_iterator(it);
}

PyObject *
drain(PyObject *iterable)
{
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL)
        return NULL;
    PyObject *res = consume(it);
    Py_DECREF(it); // expect: over-release
    return res;
}
