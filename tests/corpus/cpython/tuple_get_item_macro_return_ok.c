/* PyTuple_GET_ITEM reads the tuple's slot: the reference stays the tuple's,
 * so returning it from a method needs Py_NewRef.
 * Correct twin of tuple_get_item_macro_return_bug.c: same code with the bug fixed.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
args_head(PyObject *self, PyObject *args)
{
    if (PyTuple_GET_SIZE(args) == 0) {
        PyErr_SetString(PyExc_TypeError, "head() needs an argument");
        return NULL;
    }
    return Py_NewRef(PyTuple_GET_ITEM(args, 0));
}

static PyMethodDef args_methods[] = {
    {"head", args_head, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef args_module = {PyModuleDef_HEAD_INIT, "args", NULL, -1, args_methods};

PyMODINIT_FUNC PyInit_args(void) { return PyModule_Create(&args_module); }
