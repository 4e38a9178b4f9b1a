/* _PyBytes_Resize(&v, n) takes v's reference and puts a new one (or NULL on
 * failure, having released the old) back into v ("inout-new"). Correct:
 * on failure there is nothing left to release; on success v is returned. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

PyObject *shrink_copy(const char *data, Py_ssize_t n, Py_ssize_t keep)
{
    PyObject *v = PyBytes_FromStringAndSize(data, n);
    if (v == NULL)
        return NULL;
    if (_PyBytes_Resize(&v, keep) < 0)
        return NULL;
    return v;
}
