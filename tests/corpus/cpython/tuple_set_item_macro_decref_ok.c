/* PyTuple_SET_ITEM stores the pointer without a Py_INCREF: the tuple takes
 * over the caller's reference, which the caller must not release afterwards.
 * Correct twin of tuple_set_item_macro_decref_bug.c: same code with the bug fixed.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
two_pair(PyObject *self, PyObject *args)
{
    long a, b;
    if (!PyArg_ParseTuple(args, "ll", &a, &b))
        return NULL;
    PyObject *t = PyTuple_New(2);
    if (t == NULL)
        return NULL;
    PyObject *x = PyLong_FromLong(a);
    if (x == NULL) {
        Py_DECREF(t);
        return NULL;
    }
    PyTuple_SET_ITEM(t, 0, x);
    PyObject *y = PyLong_FromLong(b);
    if (y == NULL) {
        Py_DECREF(t);
        return NULL;
    }
    PyTuple_SET_ITEM(t, 1, y);
    return t;
}

static PyMethodDef two_methods[] = {
    {"pair", two_pair, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef two_module = {PyModuleDef_HEAD_INIT, "two", NULL, -1, two_methods};

PyMODINIT_FUNC PyInit_two(void) { return PyModule_Create(&two_module); }
