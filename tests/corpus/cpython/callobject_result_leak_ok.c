/* PyObject_CallObject returns a new reference to the call's result, which
 * the caller must release even when it does not need the value.
 * Correct twin of callobject_result_leak_bug.c: same code with the bug fixed.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
hooks_run(PyObject *self, PyObject *args)
{
    PyObject *hook, *value;
    if (!PyArg_ParseTuple(args, "OO", &hook, &value))
        return NULL;
    PyObject *callargs = PyTuple_Pack(1, value);
    if (callargs == NULL)
        return NULL;
    PyObject *res = PyObject_CallObject(hook, callargs);
    Py_DECREF(callargs);
    if (res == NULL)
        return NULL;
    Py_DECREF(res);
    Py_RETURN_NONE;
}

static PyMethodDef hooks_methods[] = {
    {"run", hooks_run, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef hooks_module = {PyModuleDef_HEAD_INIT, "hooks", NULL, -1, hooks_methods};

PyMODINIT_FUNC PyInit_hooks(void) { return PyModule_Create(&hooks_module); }
