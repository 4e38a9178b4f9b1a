/* Calling a callback for its side effect: the result of PyObject_CallObject
 * is a new reference (or NULL on error) that must be checked and released.
 * Correct twin of callobject_result_discarded_bug.c: same code with the bug fixed.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
ev_fire(PyObject *self, PyObject *args)
{
    PyObject *cb, *value;
    if (!PyArg_ParseTuple(args, "OO", &cb, &value))
        return NULL;
    PyObject *callargs = PyTuple_Pack(1, value);
    if (callargs == NULL)
        return NULL;
    PyObject *res = PyObject_CallObject(cb, callargs);
    Py_DECREF(callargs);
    if (res == NULL)
        return NULL;
    Py_DECREF(res);
    Py_RETURN_NONE;
}

static PyMethodDef ev_methods[] = {
    {"fire", ev_fire, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef ev_module = {PyModuleDef_HEAD_INIT, "ev", NULL, -1, ev_methods};

PyMODINIT_FUNC PyInit_ev(void) { return PyModule_Create(&ev_module); }
