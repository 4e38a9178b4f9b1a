/* After a successful _PyBytes_Resize(&v, n), v holds a new reference that
 * the caller owns. BUG: the resized object is dropped on the length check
 * path: it leaks at that return. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

Py_ssize_t resized_len(const char *data, Py_ssize_t n, Py_ssize_t keep)
{
    PyObject *v = PyBytes_FromStringAndSize(data, n);
    if (v == NULL)
        return -1;
    if (_PyBytes_Resize(&v, keep) < 0)
        return -1;
    Py_ssize_t len = PyBytes_GET_SIZE(v);
    if (len == 0)
        return 0;  // expect: leak
    Py_DECREF(v);
    return len;
}
