#include <Python.h>
static PyLongObject *normalize(PyLongObject *v)   /* returns its argument */
{
    if (Py_SIZE(v) < 0)
        Py_SET_SIZE(v, 0);
    return v;
}
PyObject *mk(Py_ssize_t n)                          /* correct */
{
    PyLongObject *ret = (PyLongObject *)PyLong_FromSsize_t(n);
    if (ret == NULL)
        return NULL;
    return (PyObject *)normalize(ret);
}
