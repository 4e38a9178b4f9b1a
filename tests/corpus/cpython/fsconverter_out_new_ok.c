/* PyUnicode_FSConverter / PyUnicode_FSDecoder store a new reference through
 * their second argument on success (c-api/unicode.rst); this function
 * releases it on every path. The twin of fsconverter_out_new_bug.c. */
#include <Python.h>

static PyObject *
path_length(PyObject *path)
{
    PyObject *bytes;
    if (!PyUnicode_FSConverter(path, &bytes))
        return NULL;
    Py_ssize_t n = PyBytes_GET_SIZE(bytes);
    Py_DECREF(bytes);
    if (n == 0)
        return PyLong_FromSsize_t(-1);
    return PyLong_FromSsize_t(n);
}

static PyObject *
decoded(PyObject *path)
{
    PyObject *str;
    if (!PyUnicode_FSDecoder(path, &str))
        return NULL;
    return str;
}
