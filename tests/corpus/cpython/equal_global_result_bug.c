/* equal_global_result_ok.c with the replacement singleton not incref'd:
 * when the argument is not the singleton, it is released and the
 * singleton is returned without a reference of its own.
 * BUG: a borrowed reference returned where the helper owes a new one. */
#include <Python.h>

static PyObject *
result_ready(PyObject *obj)
{
    if (PyObject_Not(obj) == 1) {
        if (obj != Py_None)
            Py_DECREF(obj);
        return Py_None;  // expect: borrowed-return
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

static PyMethodDef egrb_methods[] = {
    {"negate", negate, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef egrb_module = {PyModuleDef_HEAD_INIT, "egrb", NULL, -1, egrb_methods};

PyMODINIT_FUNC PyInit_egrb(void) { return PyModule_Create(&egrb_module); }
