/* PyErr_Fetch gives the caller new references to the pending exception's
 * parts (each possibly NULL); they must be handed back with PyErr_Restore
 * (which steals them) or released with Py_XDECREF on every path.
 * BUG: the failure return loses the fetched references.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
dbg_safe_repr(PyObject *self, PyObject *arg)
{
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    PyObject *r = PyObject_Repr(arg);
    if (r == NULL) {
        return NULL;  // expect: leak
    }
    PyErr_Restore(type, value, tb);
    return r;
}

static PyMethodDef dbg_methods[] = {
    {"safe_repr", dbg_safe_repr, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef dbg_module = {PyModuleDef_HEAD_INIT, "dbg", NULL, -1, dbg_methods};

PyMODINIT_FUNC PyInit_dbg(void) { return PyModule_Create(&dbg_module); }
