/* Filtering an iterable: each item from PyIter_Next is owned by the loop
 * body and must stay alive until PyList_Append has taken its own reference.
 * BUG: the item is released before it is appended.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
flt_truthy(PyObject *self, PyObject *arg)
{
    PyObject *it = PyObject_GetIter(arg);
    if (it == NULL)
        return NULL;
    PyObject *out = PyList_New(0);
    if (out == NULL) {
        Py_DECREF(it);
        return NULL;
    }
    PyObject *item;
    while ((item = PyIter_Next(it)) != NULL) {
        int t = PyObject_IsTrue(item);
        Py_DECREF(item);
        if (t > 0 && PyList_Append(out, item) < 0)  // expect: use-after-release
            t = -1;
        if (t < 0) {
            Py_DECREF(it);
            Py_DECREF(out);
            return NULL;
        }
    }
    Py_DECREF(it);
    if (PyErr_Occurred()) {
        Py_DECREF(out);
        return NULL;
    }
    return out;
}

static PyMethodDef flt_methods[] = {
    {"truthy", flt_truthy, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef flt_module = {PyModuleDef_HEAD_INIT, "flt", NULL, -1, flt_methods};

PyMODINIT_FUNC PyInit_flt(void) { return PyModule_Create(&flt_module); }
