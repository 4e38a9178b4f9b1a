/* Py_True and Py_False are borrowed references to static objects; return
 * them with Py_RETURN_TRUE / Py_RETURN_FALSE, which add a reference.
 * BUG: both returns hand back a borrowed bool.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
par_is_even(PyObject *self, PyObject *arg)
{
    long v = PyLong_AsLong(arg);
    if (v == -1 && PyErr_Occurred())
        return NULL;
    if (v % 2 == 0)
        return Py_True;  // expect: borrowed-return
    return Py_False;  // expect: borrowed-return
}

static PyMethodDef par_methods[] = {
    {"is_even", par_is_even, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef par_module = {PyModuleDef_HEAD_INIT, "par", NULL, -1, par_methods};

PyMODINIT_FUNC PyInit_par(void) { return PyModule_Create(&par_module); }
