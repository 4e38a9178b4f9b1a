/* Nesting calls that return new references: PyNumber_Add only borrows its
 * operands, so both temporaries are lost, and either may be NULL.
 * BUG: the return line leaks both integers and may pass NULL.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
calc_add(PyObject *self, PyObject *args)
{
    long a, b;
    if (!PyArg_ParseTuple(args, "ll", &a, &b))
        return NULL;
    return PyNumber_Add(PyLong_FromLong(a), PyLong_FromLong(b));  // expect: leak, null-deref
}

static PyMethodDef calc_methods[] = {
    {"add", calc_add, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef calc_module = {PyModuleDef_HEAD_INIT, "calc", NULL, -1, calc_methods};

PyMODINIT_FUNC PyInit_calc(void) { return PyModule_Create(&calc_module); }
