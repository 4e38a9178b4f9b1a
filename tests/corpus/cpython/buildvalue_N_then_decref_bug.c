/* "N" in a Py_BuildValue format steals the reference (even when the build
 * fails), so the caller must not release the object afterwards.
 * BUG: 'v' is released after "N" already took it.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
kv_entry(PyObject *self, PyObject *args)
{
    const char *name;
    long value;
    if (!PyArg_ParseTuple(args, "sl", &name, &value))
        return NULL;
    PyObject *v = PyLong_FromLong(value);
    if (v == NULL)
        return NULL;
    PyObject *res = Py_BuildValue("(sN)", name, v);
    Py_DECREF(v);  // expect: over-release
    return res;
}

static PyMethodDef kv_methods[] = {
    {"entry", kv_entry, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef kv_module = {PyModuleDef_HEAD_INIT, "kv", NULL, -1, kv_methods};

PyMODINIT_FUNC PyInit_kv(void) { return PyModule_Create(&kv_module); }
