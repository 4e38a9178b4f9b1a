/* PyDict_Next hands out borrowed references to the dict's keys and values.
 * Correct twin of dict_next_decref_value_bug.c: same code with the bug fixed.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
acc_total(PyObject *self, PyObject *d)
{
    PyObject *key, *value;
    Py_ssize_t pos = 0;
    long total = 0;
    while (PyDict_Next(d, &pos, &key, &value)) {
        long v = PyLong_AsLong(value);
        if (v == -1 && PyErr_Occurred())
            return NULL;
        total += v;
    }
    return PyLong_FromLong(total);
}

static PyMethodDef acc_methods[] = {
    {"total", acc_total, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef acc_module = {PyModuleDef_HEAD_INIT, "acc", NULL, -1, acc_methods};

PyMODINIT_FUNC PyInit_acc(void) { return PyModule_Create(&acc_module); }
