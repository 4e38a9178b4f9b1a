/* PyIter_Next returns a new reference to each item (NULL at the end or on
 * error); each item must be released before the next one is fetched.
 * Correct twin of iter_next_item_leak_bug.c: same code with the bug fixed.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
it_sum(PyObject *self, PyObject *arg)
{
    PyObject *it = PyObject_GetIter(arg);
    if (it == NULL)
        return NULL;
    PyObject *item;
    long total = 0;
    while ((item = PyIter_Next(it)) != NULL) {
        long v = PyLong_AsLong(item);
        Py_DECREF(item);
        if (v == -1 && PyErr_Occurred()) {
            Py_DECREF(it);
            return NULL;
        }
        total += v;
    }
    Py_DECREF(it);
    if (PyErr_Occurred())
        return NULL;
    return PyLong_FromLong(total);
}

static PyMethodDef it_methods[] = {
    {"sum", it_sum, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef it_module = {PyModuleDef_HEAD_INIT, "it", NULL, -1, it_methods};

PyMODINIT_FUNC PyInit_it(void) { return PyModule_Create(&it_module); }
