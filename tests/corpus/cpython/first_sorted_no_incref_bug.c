/* The item taken from a temporary list is borrowed from that list; to outlive
 * the list (and to be returned) it needs its own reference first.
 * BUG: 'first' is returned without a reference of its own (and the list
 * holding it has just been released).
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
ord_smallest(PyObject *self, PyObject *arg)
{
    PyObject *list = PySequence_List(arg);
    if (list == NULL)
        return NULL;
    if (PyList_Sort(list) < 0) {
        Py_DECREF(list);
        return NULL;
    }
    PyObject *first = PyList_GetItem(list, 0);
    if (first == NULL) {
        Py_DECREF(list);
        return NULL;
    }
    Py_DECREF(list);
    return first;  // expect: borrowed-return
}

static PyMethodDef ord_methods[] = {
    {"smallest", ord_smallest, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef ord_module = {PyModuleDef_HEAD_INIT, "ord", NULL, -1, ord_methods};

PyMODINIT_FUNC PyInit_ord(void) { return PyModule_Create(&ord_module); }
