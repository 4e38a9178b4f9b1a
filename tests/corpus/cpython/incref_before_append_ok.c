/* PyList_Append takes its own reference to the item; an extra Py_INCREF on a
 * borrowed argument gives this function a reference it never gives back.
 * Correct twin of incref_before_append_bug.c: same code with the bug fixed.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
stack_push(PyObject *self, PyObject *args)
{
    PyObject *list, *item;
    if (!PyArg_ParseTuple(args, "OO", &list, &item))
        return NULL;
    if (PyList_Append(list, item) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyMethodDef stack_methods[] = {
    {"push", stack_push, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef stack_module = {PyModuleDef_HEAD_INIT, "stack", NULL, -1, stack_methods};

PyMODINIT_FUNC PyInit_stack(void) { return PyModule_Create(&stack_module); }
