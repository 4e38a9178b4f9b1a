/* Filling a struct sequence with unchecked PyLong_FromLong(...) results is
 * CPython's idiom (timemodule.c tmtotuple): a NULL item is allowed while the
 * tuple is being built, provided PyErr_Occurred() is checked before the
 * tuple is handed out.
 * Correct twin of struct_fill_errcheck_bug.c: the error is checked once.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyTypeObject PairType;

static PyObject *
make_pair(long a, long b)
{
    PyObject *v = PyStructSequence_New(&PairType);
    if (v == NULL)
        return NULL;
    PyStructSequence_SET_ITEM(v, 0, PyLong_FromLong(a));
    PyStructSequence_SET_ITEM(v, 1, PyLong_FromLong(b));
    if (PyErr_Occurred()) {
        Py_DECREF(v);
        return NULL;
    }
    return v;
}

static PyObject *
pair_get(PyObject *self, PyObject *args)
{
    long a, b;
    if (!PyArg_ParseTuple(args, "ll", &a, &b))
        return NULL;
    return make_pair(a, b);
}

static PyMethodDef pair_methods[] = {
    {"get", pair_get, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef pair_module = {PyModuleDef_HEAD_INIT, "pair", NULL, -1, pair_methods};

PyMODINIT_FUNC PyInit_pair(void) { return PyModule_Create(&pair_module); }
