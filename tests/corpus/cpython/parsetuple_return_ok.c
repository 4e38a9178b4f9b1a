/* "a or b": the objects from PyArg_ParseTuple("OO") are borrowed, so the
 * chosen one must be returned as a new reference.
 * Correct twin of parsetuple_return_bug.c: same code with the bug fixed.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
logic_either(PyObject *self, PyObject *args)
{
    PyObject *a, *b;
    if (!PyArg_ParseTuple(args, "OO", &a, &b))
        return NULL;
    int t = PyObject_IsTrue(a);
    if (t < 0)
        return NULL;
    if (t)
        return Py_NewRef(a);
    return Py_NewRef(b);
}

static PyMethodDef logic_methods[] = {
    {"either", logic_either, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef logic_module = {PyModuleDef_HEAD_INIT, "logic", NULL, -1, logic_methods};

PyMODINIT_FUNC PyInit_logic(void) { return PyModule_Create(&logic_module); }
