/* PyTuple_Pack takes its own references to the items (it does not steal
 * like "N"), so the caller still has to release what it created.
 * BUG: 'lo' and 'hi' are lost on the final return.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
mm_minmax(PyObject *self, PyObject *args)
{
    long a, b;
    if (!PyArg_ParseTuple(args, "ll", &a, &b))
        return NULL;
    PyObject *lo = PyLong_FromLong(a < b ? a : b);
    if (lo == NULL)
        return NULL;
    PyObject *hi = PyLong_FromLong(a < b ? b : a);
    if (hi == NULL) {
        Py_DECREF(lo);
        return NULL;
    }
    PyObject *t = PyTuple_Pack(2, lo, hi);
    return t;  // expect: leak
}

static PyMethodDef mm_methods[] = {
    {"minmax", mm_minmax, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef mm_module = {PyModuleDef_HEAD_INIT, "mm", NULL, -1, mm_methods};

PyMODINIT_FUNC PyInit_mm(void) { return PyModule_Create(&mm_module); }
