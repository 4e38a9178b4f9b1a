/* PyErr_Format always returns NULL (refcounts.dat says "null"), and so does
 * a static helper that forwards it (CPython's posix_error, _setSSLError):
 * refflow infers the helper returns no reference, so discarding its result
 * is not a leak. Correct. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *value_error(const char *what)
{
    return PyErr_Format(PyExc_ValueError, "bad %s", what);
}

int check_positive(long v)
{
    if (v <= 0) {
        value_error("value");
        return -1;
    }
    return 0;
}
