/* mod.c: build_pair (pair.c) returns a new reference: released. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

PyObject *build_pair(long a, long b);

static PyObject *pair_len(PyObject *self, PyObject *args)
{
    PyObject *p = build_pair(1, 2);
    if (p == NULL)
        return NULL;
    Py_ssize_t n = PyTuple_Size(p);
    Py_DECREF(p);
    return PyLong_FromSsize_t(n);
}

static PyMethodDef methods[] = {{"pair_len", pair_len, METH_NOARGS, NULL}, {NULL, NULL, 0, NULL}};
static struct PyModuleDef mod = {PyModuleDef_HEAD_INIT, "pairs", NULL, -1, methods};
PyMODINIT_FUNC PyInit_pairs(void) { return PyModule_Create(&mod); }
