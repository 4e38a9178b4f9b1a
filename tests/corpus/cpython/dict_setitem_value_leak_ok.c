/* PyDict_SetItemString takes its own reference to the value; the caller
 * releases its reference on both the success and the failure path.
 * Correct twin of dict_setitem_value_leak_bug.c: same code with the bug fixed.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
st_summary(PyObject *self, PyObject *seq)
{
    Py_ssize_t n = PySequence_Size(seq);
    if (n < 0)
        return NULL;
    PyObject *d = PyDict_New();
    if (d == NULL)
        return NULL;
    PyObject *count = PyLong_FromSsize_t(n);
    if (count == NULL) {
        Py_DECREF(d);
        return NULL;
    }
    int rc = PyDict_SetItemString(d, "count", count);
    Py_DECREF(count);
    if (rc < 0) {
        Py_DECREF(d);
        return NULL;
    }
    return d;
}

static PyMethodDef st_methods[] = {
    {"summary", st_summary, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef st_module = {PyModuleDef_HEAD_INIT, "st", NULL, -1, st_methods};

PyMODINIT_FUNC PyInit_st(void) { return PyModule_Create(&st_module); }
