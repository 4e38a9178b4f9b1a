/* Nesting calls that return new references: PyNumber_Add only borrows its
 * operands, so both temporaries are lost, and either may be NULL.
 * Correct twin of number_add_inline_bug.c: same code with the bug fixed.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
calc_add(PyObject *self, PyObject *args)
{
    long a, b;
    if (!PyArg_ParseTuple(args, "ll", &a, &b))
        return NULL;
    PyObject *x = PyLong_FromLong(a);
    if (x == NULL)
        return NULL;
    PyObject *y = PyLong_FromLong(b);
    if (y == NULL) {
        Py_DECREF(x);
        return NULL;
    }
    PyObject *sum = PyNumber_Add(x, y);
    Py_DECREF(x);
    Py_DECREF(y);
    return sum;
}

static PyMethodDef calc_methods[] = {
    {"add", calc_add, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef calc_module = {PyModuleDef_HEAD_INIT, "calc", NULL, -1, calc_methods};

PyMODINIT_FUNC PyInit_calc(void) { return PyModule_Create(&calc_module); }
