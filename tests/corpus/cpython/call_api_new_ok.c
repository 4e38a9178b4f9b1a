/* The call API that refcounts.dat omits returns a new reference, or NULL with
 * an exception (c-api/call.rst: PyObject_CallNoArgs, PyObject_CallOneArg,
 * PyObject_Vectorcall...); so does PyBytes_DecodeEscape (bytesobject.h:46). */
#include <Python.h>

static PyObject *
call_twice(PyObject *self, PyObject *callable)
{
    PyObject *first = PyObject_CallNoArgs(callable);
    if (first == NULL)
        return NULL;
    PyObject *second = PyObject_CallOneArg(callable, first);
    Py_DECREF(first);
    return second;
}

static PyObject *
unescape(PyObject *self, PyObject *noargs)
{
    PyObject *b = PyBytes_DecodeEscape("a\\tb", 4, NULL, 0, NULL);
    if (b == NULL)
        return NULL;
    Py_ssize_t n = PyBytes_GET_SIZE(b);
    Py_DECREF(b);
    return PyLong_FromSsize_t(n);
}

static PyMethodDef can_methods[] = {
    {"call_twice", call_twice, METH_O, NULL},
    {"unescape", unescape, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef can_module = {PyModuleDef_HEAD_INIT, "can", NULL, -1, can_methods};

PyMODINIT_FUNC PyInit_can(void) { return PyModule_Create(&can_module); }
