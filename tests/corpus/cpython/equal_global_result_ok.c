/* A helper that takes over its argument and returns either it or a
 * singleton standing for the same value (unicode_result_ready,
 * Objects/unicodeobject.c:653): when the argument already is the
 * singleton, `return singleton;` returns the argument's reference, and
 * when it is not, the argument is released and the singleton incref'd.
 * The helper steals its argument and returns a new reference. */
#include <Python.h>

static PyObject *
result_ready(PyObject *obj)
{
    if (PyObject_Not(obj) == 1) {
        if (obj != Py_None) {
            Py_DECREF(obj);
            Py_INCREF(Py_None);
        }
        return Py_None;
    }
    return obj;
}

static PyObject *
negate(PyObject *self, PyObject *arg)
{
    PyObject *r = PyNumber_Negative(arg);
    if (r == NULL)
        return NULL;
    return result_ready(r);
}

static PyMethodDef egr_methods[] = {
    {"negate", negate, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef egr_module = {PyModuleDef_HEAD_INIT, "egr", NULL, -1, egr_methods};

PyMODINIT_FUNC PyInit_egr(void) { return PyModule_Create(&egr_module); }
