/* A static helper that hands its argument to Py_BuildValue("N") steals it;
 * refflow infers that from the helper's body (as CPython's codec_tuple
 * does), so the caller that passes its new reference on is correct, and
 * the helper itself is not an over-release. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *tuple_of(PyObject *decoded, Py_ssize_t n)
{
    if (decoded == NULL)
        return NULL;
    return Py_BuildValue("Nn", decoded, n);
}

PyObject *decode_ascii(const char *s, Py_ssize_t n)
{
    PyObject *d = PyUnicode_DecodeASCII(s, n, NULL);
    return tuple_of(d, n);
}
