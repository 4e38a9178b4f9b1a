/* Returning an object after releasing this function's only reference to it
 * returns a pointer to a possibly freed object.
 * BUG: 'n' is released before the non-negative path returns it.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
num_absindex(PyObject *self, PyObject *arg)
{
    PyObject *n = PyNumber_Index(arg);
    if (n == NULL)
        return NULL;
    long v = PyLong_AsLong(n);
    if (v == -1 && PyErr_Occurred()) {
        Py_DECREF(n);
        return NULL;
    }
    Py_DECREF(n);
    if (v >= 0)
        return n;  // expect: use-after-release
    return PyLong_FromLong(-v);
}

static PyMethodDef num_methods[] = {
    {"absindex", num_absindex, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef num_module = {PyModuleDef_HEAD_INIT, "num", NULL, -1, num_methods};

PyMODINIT_FUNC PyInit_num(void) { return PyModule_Create(&num_module); }
