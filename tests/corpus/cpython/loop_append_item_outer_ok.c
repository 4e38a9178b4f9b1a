/* The same append loop with the item variable declared outside the loop:
 * PyList_Append does not steal, so the item must be released after it.
 * Correct twin of loop_append_item_outer_bug.c: same code with the bug fixed.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
rng_upto(PyObject *self, PyObject *args)
{
    long n;
    PyObject *list, *item;
    if (!PyArg_ParseTuple(args, "l", &n))
        return NULL;
    list = PyList_New(0);
    if (list == NULL)
        return NULL;
    for (long i = 0; i < n; i++) {
        item = PyLong_FromLong(i);
        if (item == NULL) {
            Py_DECREF(list);
            return NULL;
        }
        int rc = PyList_Append(list, item);
        Py_DECREF(item);
        if (rc < 0) {
            Py_DECREF(list);
            return NULL;
        }
    }
    return list;
}

static PyMethodDef rng_methods[] = {
    {"upto", rng_upto, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef rng_module = {PyModuleDef_HEAD_INIT, "rng", NULL, -1, rng_methods};

PyMODINIT_FUNC PyInit_rng(void) { return PyModule_Create(&rng_module); }
