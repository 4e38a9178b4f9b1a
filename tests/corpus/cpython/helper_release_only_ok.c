/* A helper that releases its argument on every path and keeps it on none
 * (_collectionsmodule.c finalize_iterator): it consumes the argument, and
 * its callers hand over the iterator they own. */
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
consume(PyObject *iterable)
{
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL)
        return NULL;
    PyObject *item;
    while ((item = PyIter_Next(it)) != NULL)
        Py_DECREF(item);
    return finalize_iterator(it);
}
