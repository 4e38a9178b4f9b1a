/* When PyList_Append fails, the caller still owns the item it tried to
 * append (Append never steals), so the failure path must release it too.
 * Correct twin of append_fail_item_leak_bug.c: same code with the bug fixed.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
strs_of(PyObject *self, PyObject *args)
{
    PyObject *list = PyList_New(0);
    if (list == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < PyTuple_Size(args); i++) {
        PyObject *s = PyObject_Str(PyTuple_GET_ITEM(args, i));
        if (s == NULL) {
            Py_DECREF(list);
            return NULL;
        }
        if (PyList_Append(list, s) < 0) {
            Py_DECREF(s);
            Py_DECREF(list);
            return NULL;
        }
        Py_DECREF(s);
    }
    return list;
}

static PyMethodDef strs_methods[] = {
    {"of", strs_of, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef strs_module = {PyModuleDef_HEAD_INIT, "strs", NULL, -1, strs_methods};

PyMODINIT_FUNC PyInit_strs(void) { return PyModule_Create(&strs_module); }
