/* PyDict_SetItem increfs both key and value, so a loop that creates both
 * must release both each iteration.
 * BUG: 'key' is lost at the end of each iteration and on the failure return.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
idx_positions(PyObject *self, PyObject *arg)
{
    Py_ssize_t n = PyList_Size(arg);
    if (n < 0)
        return NULL;
    PyObject *d = PyDict_New();
    if (d == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *key = PyObject_Str(PyList_GET_ITEM(arg, i));
        if (key == NULL) {
            Py_DECREF(d);
            return NULL;
        }
        PyObject *value = PyLong_FromSsize_t(i);
        if (value == NULL) {
            Py_DECREF(key);
            Py_DECREF(d);
            return NULL;
        }
        int rc = PyDict_SetItem(d, key, value);
        Py_DECREF(value);
        if (rc < 0) {
            Py_DECREF(d);
            return NULL;  // expect: leak
        }
    }  // expect: leak
    return d;
}

static PyMethodDef idx_methods[] = {
    {"positions", idx_positions, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef idx_module = {PyModuleDef_HEAD_INIT, "idx", NULL, -1, idx_methods};

PyMODINIT_FUNC PyInit_idx(void) { return PyModule_Create(&idx_module); }
