/* Py_BuildValue's "O" takes its own reference to the object; objects the
 * caller created must still be released afterwards, or be passed with "N",
 * which steals them.
 * BUG: "(OO)" with two owned objects loses both on the return.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
arith_divmod(PyObject *self, PyObject *args)
{
    long a, b;
    if (!PyArg_ParseTuple(args, "ll", &a, &b))
        return NULL;
    if (b == 0) {
        PyErr_SetString(PyExc_ZeroDivisionError, "division by zero");
        return NULL;
    }
    PyObject *q = PyLong_FromLong(a / b);
    if (q == NULL)
        return NULL;
    PyObject *r = PyLong_FromLong(a % b);
    if (r == NULL) {
        Py_DECREF(q);
        return NULL;
    }
    return Py_BuildValue("(OO)", q, r);  // expect: leak
}

static PyMethodDef arith_methods[] = {
    {"divmod", arith_divmod, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef arith_module = {PyModuleDef_HEAD_INIT, "arith", NULL, -1, arith_methods};

PyMODINIT_FUNC PyInit_arith(void) { return PyModule_Create(&arith_module); }
