/* The iterator from PyObject_GetIter is a new reference that must be
 * released once the loop is over, on the error path as well.
 * Correct twin of iter_iterator_leak_bug.c: same code with the bug fixed.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
it_count_true(PyObject *self, PyObject *arg)
{
    PyObject *it = PyObject_GetIter(arg);
    if (it == NULL)
        return NULL;
    Py_ssize_t count = 0;
    PyObject *item;
    while ((item = PyIter_Next(it)) != NULL) {
        int t = PyObject_IsTrue(item);
        Py_DECREF(item);
        if (t < 0) {
            Py_DECREF(it);
            return NULL;
        }
        count += t;
    }
    Py_DECREF(it);
    if (PyErr_Occurred())
        return NULL;
    return PyLong_FromSsize_t(count);
}

static PyMethodDef it_methods[] = {
    {"count_true", it_count_true, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef it_module = {PyModuleDef_HEAD_INIT, "it", NULL, -1, it_methods};

PyMODINIT_FUNC PyInit_it(void) { return PyModule_Create(&it_module); }
