/* PyUnicode_FSConverter(obj, &result) stores a new reference in result on
 * success ("result must be a PyBytesObject* which must be released when it
 * is no longer used", c-api/unicode.rst): the twin of
 * fsconverter_out_new_ok.c forgets to release it on one path. */
#include <Python.h>

static PyObject *
path_length(PyObject *path)
{
    PyObject *bytes;
    if (!PyUnicode_FSConverter(path, &bytes))
        return NULL;
    Py_ssize_t n = PyBytes_GET_SIZE(bytes);
    if (n == 0)
        return PyLong_FromSsize_t(-1); // expect: leak
    Py_DECREF(bytes);
    return PyLong_FromSsize_t(n);
}

static PyObject *
decoded(PyObject *path)
{
    PyObject *str;
    if (!PyUnicode_FSDecoder(path, &str))
        return NULL;
    Py_RETURN_NONE; // expect: leak
}
