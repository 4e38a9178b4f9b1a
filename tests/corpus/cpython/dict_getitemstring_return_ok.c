/* PyDict_GetItemString returns a borrowed reference (NULL, without an
 * exception, when the key is missing); a method returning it must add one.
 * Correct twin of dict_getitemstring_return_bug.c: same code with the bug fixed.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
opts_get(PyObject *self, PyObject *args)
{
    PyObject *opts;
    const char *key;
    if (!PyArg_ParseTuple(args, "Os", &opts, &key))
        return NULL;
    PyObject *v = PyDict_GetItemString(opts, key);
    if (v == NULL) {
        PyErr_SetString(PyExc_KeyError, key);
        return NULL;
    }
    Py_INCREF(v);
    return v;
}

static PyMethodDef opts_methods[] = {
    {"get", opts_get, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef opts_module = {PyModuleDef_HEAD_INIT, "opts", NULL, -1, opts_methods};

PyMODINIT_FUNC PyInit_opts(void) { return PyModule_Create(&opts_module); }
