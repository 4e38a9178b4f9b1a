/* The same append loop with the item variable declared outside the loop:
 * PyList_Append does not steal, so the item must be released after it.
 * BUG: the previous iteration's item is lost when 'item' is overwritten,
 * the current one on the failure return, the last one on the final return.
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
        item = PyLong_FromLong(i);  // expect: leak
        if (item == NULL) {
            Py_DECREF(list);
            return NULL;
        }
        int rc = PyList_Append(list, item);
        if (rc < 0) {
            Py_DECREF(list);
            return NULL;  // expect: leak
        }
    }
    return list;  // expect: leak
}

static PyMethodDef rng_methods[] = {
    {"upto", rng_upto, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef rng_module = {PyModuleDef_HEAD_INIT, "rng", NULL, -1, rng_methods};

PyMODINIT_FUNC PyInit_rng(void) { return PyModule_Create(&rng_module); }
