/* PyList_Append takes its own reference to the item; an extra Py_INCREF on a
 * borrowed argument gives this function a reference it never gives back.
 * BUG: the Py_INCREF'd reference to 'item' is lost on both returns.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
stack_push(PyObject *self, PyObject *args)
{
    PyObject *list, *item;
    if (!PyArg_ParseTuple(args, "OO", &list, &item))
        return NULL;
    Py_INCREF(item);  /* the list keeps it */
    if (PyList_Append(list, item) < 0)
        return NULL;  // expect: leak
    Py_RETURN_NONE;  // expect: leak
}

static PyMethodDef stack_methods[] = {
    {"push", stack_push, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef stack_module = {PyModuleDef_HEAD_INIT, "stack", NULL, -1, stack_methods};

PyMODINIT_FUNC PyInit_stack(void) { return PyModule_Create(&stack_module); }
