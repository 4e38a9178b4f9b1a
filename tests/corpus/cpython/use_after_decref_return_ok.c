/* Returning an object after releasing this function's only reference to it
 * returns a pointer to a possibly freed object.
 * Correct twin of use_after_decref_return_bug.c: same code with the bug fixed.
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
    if (v >= 0)
        return n;
    Py_DECREF(n);
    return PyLong_FromLong(-v);
}

static PyMethodDef num_methods[] = {
    {"absindex", num_absindex, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef num_module = {PyModuleDef_HEAD_INIT, "num", NULL, -1, num_methods};

PyMODINIT_FUNC PyInit_num(void) { return PyModule_Create(&num_module); }
