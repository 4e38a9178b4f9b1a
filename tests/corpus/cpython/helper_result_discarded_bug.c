/* A static helper returning PyObject* returns a new reference by convention;
 * a caller that drops the result leaks it.
 * BUG: the result of log_event() is never stored.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
log_event(PyObject *logger, const char *msg)
{
    PyObject *text = PyUnicode_FromString(msg);
    if (text == NULL)
        return NULL;
    PyObject *callargs = PyTuple_Pack(1, text);
    Py_DECREF(text);
    if (callargs == NULL)
        return NULL;
    PyObject *res = PyObject_CallObject(logger, callargs);
    Py_DECREF(callargs);
    return res;
}

static PyObject *
svc_start(PyObject *self, PyObject *logger)
{
    log_event(logger, "starting");  // expect: leak
    Py_RETURN_NONE;
}

static PyMethodDef svc_methods[] = {
    {"start", svc_start, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef svc_module = {PyModuleDef_HEAD_INIT, "svc", NULL, -1, svc_methods};

PyMODINIT_FUNC PyInit_svc(void) { return PyModule_Create(&svc_module); }
