/* mod.c: option_get (lookup.c) returns a new reference: released. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

PyObject *option_get(PyObject *options, const char *name);

static PyObject *verbose_flag(PyObject *self, PyObject *options)
{
    PyObject *v = option_get(options, "verbose");
    if (v == NULL)
        Py_RETURN_FALSE;
    int t = PyObject_IsTrue(v);
    Py_DECREF(v);
    if (t < 0)
        return NULL;
    return PyBool_FromLong(t);
}

static PyMethodDef methods[] = {{"verbose_flag", verbose_flag, METH_O, NULL}, {NULL, NULL, 0, NULL}};
static struct PyModuleDef mod = {PyModuleDef_HEAD_INIT, "opts", NULL, -1, methods};
PyMODINIT_FUNC PyInit_opts(void) { return PyModule_Create(&mod); }
