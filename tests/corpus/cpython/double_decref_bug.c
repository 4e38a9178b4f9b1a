/* A temporary released on the common path must not be released again on the
 * error path that follows.
 * BUG: the error branch releases 'tmp' a second time (and so touches a
 * released object).
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
cmp_sum_is_true(PyObject *self, PyObject *args)
{
    PyObject *a, *b;
    if (!PyArg_ParseTuple(args, "OO", &a, &b))
        return NULL;
    PyObject *tmp = PyNumber_Add(a, b);
    if (tmp == NULL)
        return NULL;
    int t = PyObject_IsTrue(tmp);
    Py_DECREF(tmp);
    if (t < 0) {
        Py_DECREF(tmp);  // expect: over-release, use-after-release
        return NULL;
    }
    return PyBool_FromLong(t);
}

static PyMethodDef cmp_methods[] = {
    {"sum_is_true", cmp_sum_is_true, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef cmp_module = {PyModuleDef_HEAD_INIT, "cmp", NULL, -1, cmp_methods};

PyMODINIT_FUNC PyInit_cmp(void) { return PyModule_Create(&cmp_module); }
