/* A static helper defined after its caller, whose inferred contract (it
 * steals its argument) the caller breaks. BUG: decode_ascii releases the
 * reference it already handed to tuple_of. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *tuple_of(PyObject *decoded, Py_ssize_t n);

PyObject *decode_ascii(const char *s, Py_ssize_t n)
{
    PyObject *d = PyUnicode_DecodeASCII(s, n, NULL);
    if (d == NULL)
        return NULL;
    PyObject *t = tuple_of(d, n);
    Py_DECREF(d);  // expect: over-release
    return t;
}

static PyObject *tuple_of(PyObject *decoded, Py_ssize_t n)
{
    if (decoded == NULL)
        return NULL;
    return Py_BuildValue("Nn", decoded, n);
}
