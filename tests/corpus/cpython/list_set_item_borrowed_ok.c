/* Copying a tuple into a new list: PyTuple_GetItem returns a borrowed
 * reference and PyList_SET_ITEM takes over one, so each item needs a
 * Py_INCREF before it is stored.
 * Correct twin of list_set_item_borrowed_bug.c: same code with the bug fixed.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
conv_to_list(PyObject *self, PyObject *t)
{
    Py_ssize_t n = PyTuple_Size(t);
    if (n < 0)
        return NULL;
    PyObject *list = PyList_New(n);
    if (list == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = PyTuple_GetItem(t, i);
        if (item == NULL) {
            Py_DECREF(list);
            return NULL;
        }
        Py_INCREF(item);
        PyList_SET_ITEM(list, i, item);
    }
    return list;
}

static PyMethodDef conv_methods[] = {
    {"to_list", conv_to_list, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef conv_module = {PyModuleDef_HEAD_INIT, "conv", NULL, -1, conv_methods};

PyMODINIT_FUNC PyInit_conv(void) { return PyModule_Create(&conv_module); }
