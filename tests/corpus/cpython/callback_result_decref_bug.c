/* Calling a hook and ignoring its result: the call returns NULL when the hook
 * raises, so the result is released with Py_XDECREF (and the error cleared).
 * BUG: Py_DECREF on the possibly NULL result.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
hooks_notify(PyObject *self, PyObject *args)
{
    PyObject *hook, *event;
    if (!PyArg_ParseTuple(args, "OO", &hook, &event))
        return NULL;
    PyObject *callargs = PyTuple_Pack(1, event);
    if (callargs == NULL)
        return NULL;
    PyObject *res = PyObject_CallObject(hook, callargs);
    Py_DECREF(callargs);
    Py_DECREF(res);  // expect: null-deref
    PyErr_Clear();  /* errors raised by hooks are ignored */
    Py_RETURN_NONE;
}

static PyMethodDef hooks_methods[] = {
    {"notify", hooks_notify, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef hooks_module = {PyModuleDef_HEAD_INIT, "hooks", NULL, -1, hooks_methods};

PyMODINIT_FUNC PyInit_hooks(void) { return PyModule_Create(&hooks_module); }
