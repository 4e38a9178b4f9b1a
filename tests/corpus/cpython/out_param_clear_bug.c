/* The twin of out_param_clear_ok.c: the reference taken back with Py_CLEAR
 * is released again through the local. */
#include <Python.h>

static int
to_bytes(PyObject *obj, PyObject **bytes)
{
    PyObject *b = PyUnicode_AsUTF8String(obj);
    *bytes = b;
    if (b == NULL)
        return 0;
    if (PyBytes_GET_SIZE(b) == 0) {
        Py_CLEAR(*bytes);
        Py_DECREF(b); // expect: over-release, use-after-release
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
