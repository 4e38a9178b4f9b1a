/* A converter that stores a new reference through its out-parameter and,
 * on a later refusal, takes it back with Py_CLEAR(*bytes)
 * (_cursesmodule.c's PyCurses_ConvertToString): the reference it stored
 * there is its own to release. The twin out_param_clear_bug.c releases it
 * once more. */
#include <Python.h>

static int
to_bytes(PyObject *obj, PyObject **bytes)
{
    *bytes = PyUnicode_AsUTF8String(obj);
    if (*bytes == NULL)
        return 0;
    if (PyBytes_GET_SIZE(*bytes) == 0) { /* a call with a rule: *bytes stays known */
        Py_CLEAR(*bytes);
        return 0;
    }
    return 1;
}

PyObject *
convert(PyObject *obj)
{
    PyObject *b;
    if (!to_bytes(obj, &b))
        return NULL;
    return b;
}
