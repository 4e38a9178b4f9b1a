/* PyNumber_Long fails (returns NULL) for objects that cannot be converted;
 * PyObject_Hash dereferences its argument. (PyLong_AsLong would not: it
 * answers NULL with PyErr_BadInternalCall, Objects/longobject.c:465.)
 * BUG: the conversion result is used without a NULL check.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
num_doubled(PyObject *self, PyObject *arg)
{
    PyObject *n = PyNumber_Long(arg);
    long v = (long)PyObject_Hash(n);  // expect: null-deref
    Py_XDECREF(n);
    if (v == -1 && PyErr_Occurred())
        return NULL;
    return PyLong_FromLong(v * 2);
}

static PyMethodDef num_methods[] = {
    {"doubled", num_doubled, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef num_module = {PyModuleDef_HEAD_INIT, "num", NULL, -1, num_methods};

PyMODINIT_FUNC PyInit_num(void) { return PyModule_Create(&num_module); }
