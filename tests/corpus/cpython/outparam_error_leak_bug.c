/* A helper returning its result through an out-parameter and a status code:
 * on failure it stores nothing, so whatever it created so far must be
 * released before returning -1.
 * BUG: 'a' is lost when the second allocation fails.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static int
make_bounds(long lo, long hi, PyObject **out)
{
    PyObject *a = PyLong_FromLong(lo);
    if (a == NULL)
        return -1;
    PyObject *b = PyLong_FromLong(hi);
    if (b == NULL) {
        return -1;  // expect: leak
    }
    PyObject *t = PyTuple_Pack(2, a, b);
    Py_DECREF(a);
    Py_DECREF(b);
    if (t == NULL)
        return -1;
    *out = t;
    return 0;
}

static PyObject *
rg_bounds(PyObject *self, PyObject *args)
{
    long lo, hi;
    PyObject *pair;
    if (!PyArg_ParseTuple(args, "ll", &lo, &hi))
        return NULL;
    if (make_bounds(lo, hi, &pair) < 0)
        return NULL;
    return pair;
}

static PyMethodDef rg_methods[] = {
    {"bounds", rg_bounds, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef rg_module = {PyModuleDef_HEAD_INIT, "rg", NULL, -1, rg_methods};

PyMODINIT_FUNC PyInit_rg(void) { return PyModule_Create(&rg_module); }
