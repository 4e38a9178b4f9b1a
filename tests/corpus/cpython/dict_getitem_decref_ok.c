/* PyDict_GetItem returns a borrowed reference; the default taken from the
 * argument tuple is borrowed too. Neither may be released.
 * Correct twin of dict_getitem_decref_bug.c: same code with the bug fixed.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
opts_repr_or(PyObject *self, PyObject *args)
{
    PyObject *d, *key, *dflt;
    if (!PyArg_ParseTuple(args, "OOO", &d, &key, &dflt))
        return NULL;
    PyObject *v = PyDict_GetItem(d, key);
    if (v == NULL)
        v = dflt;
    PyObject *r = PyObject_Repr(v);
    return r;
}

static PyMethodDef opts_methods[] = {
    {"repr_or", opts_repr_or, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef opts_module = {PyModuleDef_HEAD_INIT, "opts", NULL, -1, opts_methods};

PyMODINIT_FUNC PyInit_opts(void) { return PyModule_Create(&opts_module); }
