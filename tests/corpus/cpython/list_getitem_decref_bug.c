/* PyList_GetItem returns a borrowed reference: the list keeps the item alive
 * and the caller has nothing to release.
 * BUG: the borrowed 'first' is released.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
seqs_first_len(PyObject *self, PyObject *args)
{
    PyObject *list;
    if (!PyArg_ParseTuple(args, "O", &list))
        return NULL;
    PyObject *first = PyList_GetItem(list, 0);
    if (first == NULL)
        return NULL;
    Py_ssize_t n = PyObject_Size(first);
    Py_DECREF(first);  // expect: over-release
    if (n < 0)
        return NULL;
    return PyLong_FromSsize_t(n);
}

static PyMethodDef seqs_methods[] = {
    {"first_len", seqs_first_len, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef seqs_module = {PyModuleDef_HEAD_INIT, "seqs", NULL, -1, seqs_methods};

PyMODINIT_FUNC PyInit_seqs(void) { return PyModule_Create(&seqs_module); }
