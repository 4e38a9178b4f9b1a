/* A METH_O function that returns its argument unchanged when it already has
 * the right type must still return a new reference: the argument is borrowed.
 * Correct twin of coerce_return_param_bug.c: same code with the bug fixed.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
num_as_int(PyObject *self, PyObject *arg)
{
    if (PyLong_CheckExact(arg))
        return Py_NewRef(arg);
    return PyNumber_Long(arg);
}

static PyMethodDef num_methods[] = {
    {"as_int", num_as_int, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef num_module = {PyModuleDef_HEAD_INIT, "num", NULL, -1, num_methods};

PyMODINIT_FUNC PyInit_num(void) { return PyModule_Create(&num_module); }
