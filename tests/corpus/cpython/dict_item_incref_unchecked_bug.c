/* PyDict_GetItemString returns NULL for a missing key; Py_INCREF does not
 * accept NULL (Py_XINCREF would), so the result must be checked first.
 * BUG: Py_INCREF on a possibly NULL lookup result.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
conf_required(PyObject *self, PyObject *args)
{
    PyObject *d;
    const char *key;
    if (!PyArg_ParseTuple(args, "Os", &d, &key))
        return NULL;
    PyObject *v = PyDict_GetItemString(d, key);
    Py_INCREF(v);  // expect: null-deref
    return v;
}

static PyMethodDef conf_methods[] = {
    {"required", conf_required, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef conf_module = {PyModuleDef_HEAD_INIT, "conf", NULL, -1, conf_methods};

PyMODINIT_FUNC PyInit_conf(void) { return PyModule_Create(&conf_module); }
