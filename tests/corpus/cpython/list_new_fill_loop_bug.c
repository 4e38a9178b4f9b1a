/* Filling a pre-sized list with PyList_SET_ITEM (which hands the item to the
 * list): if an element cannot be created, the half-filled list must be
 * released (its NULL slots are fine for list_dealloc).
 * BUG: the failure return inside the loop loses 'list'.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
zf_zeros(PyObject *self, PyObject *args)
{
    Py_ssize_t n;
    if (!PyArg_ParseTuple(args, "n", &n))
        return NULL;
    PyObject *list = PyList_New(n);
    if (list == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *z = PyFloat_FromDouble(0.0);
        if (z == NULL)
            return NULL;  // expect: leak
        PyList_SET_ITEM(list, i, z);
    }
    return list;
}

static PyMethodDef zf_methods[] = {
    {"zeros", zf_zeros, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef zf_module = {PyModuleDef_HEAD_INIT, "zf", NULL, -1, zf_methods};

PyMODINIT_FUNC PyInit_zf(void) { return PyModule_Create(&zf_module); }
