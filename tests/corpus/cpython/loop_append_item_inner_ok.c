/* Building a list in a loop: PyList_Append does not steal the item (it takes
 * its own reference), so the loop body must release the item it created.
 * Correct twin of loop_append_item_inner_bug.c: same code with the bug fixed.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
sq_squares(PyObject *self, PyObject *args)
{
    long n;
    if (!PyArg_ParseTuple(args, "l", &n))
        return NULL;
    PyObject *list = PyList_New(0);
    if (list == NULL)
        return NULL;
    for (long i = 0; i < n; i++) {
        PyObject *item = PyLong_FromLong(i * i);
        if (item == NULL) {
            Py_DECREF(list);
            return NULL;
        }
        if (PyList_Append(list, item) < 0) {
            Py_DECREF(item);
            Py_DECREF(list);
            return NULL;
        }
        Py_DECREF(item);
    }
    return list;
}

static PyMethodDef sq_methods[] = {
    {"squares", sq_squares, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef sq_module = {PyModuleDef_HEAD_INIT, "sq", NULL, -1, sq_methods};

PyMODINIT_FUNC PyInit_sq(void) { return PyModule_Create(&sq_module); }
