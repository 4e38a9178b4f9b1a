/* PyDict_SetItemString takes its own reference to the value, so the caller
 * releases its reference after the call, not before.
 * BUG: 'v' is released before it is stored, then passed to the dict.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
reg_set_count(PyObject *self, PyObject *args)
{
    PyObject *d;
    long n;
    if (!PyArg_ParseTuple(args, "Ol", &d, &n))
        return NULL;
    PyObject *v = PyLong_FromLong(n);
    if (v == NULL)
        return NULL;
    Py_DECREF(v);  /* the dict keeps its own reference */
    int rc = PyDict_SetItemString(d, "count", v);  // expect: use-after-release
    if (rc < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyMethodDef reg_methods[] = {
    {"set_count", reg_set_count, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef reg_module = {PyModuleDef_HEAD_INIT, "reg", NULL, -1, reg_methods};

PyMODINIT_FUNC PyInit_reg(void) { return PyModule_Create(&reg_module); }
