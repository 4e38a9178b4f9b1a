/* Error path of a method that builds a 2-tuple: when the second
 * PyLong_FromLong fails, 'a' is still owned and must be released before
 * returning NULL.
 * BUG: the return after the second allocation fails loses 'a'.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
pair_make(PyObject *self, PyObject *args)
{
    long x, y;
    if (!PyArg_ParseTuple(args, "ll", &x, &y))
        return NULL;
    PyObject *a = PyLong_FromLong(x);
    if (a == NULL)
        return NULL;
    PyObject *b = PyLong_FromLong(y);
    if (b == NULL)
        return NULL;  // expect: leak
    PyObject *t = PyTuple_New(2);
    if (t == NULL) {
        Py_DECREF(a);
        Py_DECREF(b);
        return NULL;
    }
    PyTuple_SET_ITEM(t, 0, a);
    PyTuple_SET_ITEM(t, 1, b);
    return t;
}

static PyMethodDef pair_methods[] = {
    {"make", pair_make, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef pair_module = {PyModuleDef_HEAD_INIT, "pair", NULL, -1, pair_methods};

PyMODINIT_FUNC PyInit_pair(void) { return PyModule_Create(&pair_module); }
