/* Filling tuple slots with None: PyTuple_SET_ITEM takes over a reference and
 * Py_None is only borrowed, so each slot needs a new reference (Py_NewRef).
 * BUG: the borrowed Py_None is handed to the stealing PyTuple_SET_ITEM.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
blank_nones(PyObject *self, PyObject *args)
{
    Py_ssize_t n;
    if (!PyArg_ParseTuple(args, "n", &n))
        return NULL;
    PyObject *t = PyTuple_New(n);
    if (t == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyTuple_SET_ITEM(t, i, Py_None);  // expect: over-release
    }
    return t;
}

static PyMethodDef blank_methods[] = {
    {"nones", blank_nones, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef blank_module = {PyModuleDef_HEAD_INIT, "blank", NULL, -1, blank_methods};

PyMODINIT_FUNC PyInit_blank(void) { return PyModule_Create(&blank_module); }
