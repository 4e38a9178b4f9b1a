/* PyList_SetItem steals the reference to the item: after the call the list
 * owns it, and the caller has nothing left to release.
 * Correct twin of list_setitem_then_decref_bug.c: same code with the bug fixed.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
fill_repeat(PyObject *self, PyObject *args)
{
    Py_ssize_t n;
    long value;
    if (!PyArg_ParseTuple(args, "nl", &n, &value))
        return NULL;
    PyObject *list = PyList_New(n);
    if (list == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *v = PyLong_FromLong(value);
        if (v == NULL) {
            Py_DECREF(list);
            return NULL;
        }
        if (PyList_SetItem(list, i, v) < 0) {
            Py_DECREF(list);
            return NULL;
        }
    }
    return list;
}

static PyMethodDef fill_methods[] = {
    {"repeat", fill_repeat, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef fill_module = {PyModuleDef_HEAD_INIT, "fill", NULL, -1, fill_methods};

PyMODINIT_FUNC PyInit_fill(void) { return PyModule_Create(&fill_module); }
