/* A static helper defined after its caller (declared first) still has its
 * contract inferred before the caller is checked: refflow checks a file's
 * functions callees first. tuple_of steals its argument (it hands it to
 * Py_BuildValue("N")), so decode_ascii passing its new reference on is
 * correct. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *tuple_of(PyObject *decoded, Py_ssize_t n);

PyObject *decode_ascii(const char *s, Py_ssize_t n)
{
    PyObject *d = PyUnicode_DecodeASCII(s, n, NULL);
    return tuple_of(d, n);
}

static PyObject *tuple_of(PyObject *decoded, Py_ssize_t n)
{
    if (decoded == NULL)
        return NULL;
    return Py_BuildValue("Nn", decoded, n);
}
