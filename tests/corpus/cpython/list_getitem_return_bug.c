/* A method must return a new reference; PyList_GetItem's result is borrowed
 * and needs Py_NewRef (or Py_INCREF) before it is returned.
 * BUG: the borrowed item is returned as is.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
seqs_last(PyObject *self, PyObject *args)
{
    PyObject *list;
    if (!PyArg_ParseTuple(args, "O", &list))
        return NULL;
    Py_ssize_t n = PyList_Size(list);
    if (n < 0)
        return NULL;
    PyObject *item = PyList_GetItem(list, n - 1);
    if (item == NULL)
        return NULL;
    return item;  // expect: borrowed-return
}

static PyMethodDef seqs_methods[] = {
    {"last", seqs_last, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef seqs_module = {PyModuleDef_HEAD_INIT, "seqs", NULL, -1, seqs_methods};

PyMODINIT_FUNC PyInit_seqs(void) { return PyModule_Create(&seqs_module); }
