/* The static helper steals its argument (inferred from its body: it gives
 * it to Py_BuildValue("N")). BUG: the caller releases the reference it
 * already handed over. */
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
    if (d == NULL)
        return NULL;
    PyObject *t = tuple_of(d, n);
    Py_DECREF(d);  // expect: over-release
    return t;
}
