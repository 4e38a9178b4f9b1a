/* _Py_CheckFunctionResult takes the call's result: it returns it unchanged,
 * or releases it and returns NULL when an exception is also set
 * (Objects/call.c:33). The caller gives its reference away. */
#include <Python.h>

static PyObject *
checked_call(PyObject *self, PyObject *callable)
{
    PyObject *res = PyObject_CallNoArgs(callable);
    PyObject *r = _Py_CheckFunctionResult(PyThreadState_Get(), callable, res, NULL);
    return r;
}

static PyMethodDef cfr_methods[] = {
    {"checked_call", checked_call, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef cfr_module = {PyModuleDef_HEAD_INIT, "cfr", NULL, -1, cfr_methods};

PyMODINIT_FUNC PyInit_cfr(void) { return PyModule_Create(&cfr_module); }
