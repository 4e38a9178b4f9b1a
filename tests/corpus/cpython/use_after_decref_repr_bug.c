/* An object whose last reference this function released may already be
 * freed: it must not be passed to any call afterwards.
 * BUG: 'sum' is released and then passed to PyObject_Repr.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
show_sum(PyObject *self, PyObject *args)
{
    PyObject *a, *b;
    if (!PyArg_ParseTuple(args, "OO", &a, &b))
        return NULL;
    PyObject *sum = PyNumber_Add(a, b);
    if (sum == NULL)
        return NULL;
    Py_DECREF(sum);
    PyObject *r = PyObject_Repr(sum);  // expect: use-after-release
    return r;
}

static PyMethodDef show_methods[] = {
    {"sum", show_sum, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef show_module = {PyModuleDef_HEAD_INIT, "show", NULL, -1, show_methods};

PyMODINIT_FUNC PyInit_show(void) { return PyModule_Create(&show_module); }
