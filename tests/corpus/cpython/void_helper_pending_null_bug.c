/* void_helper_pending_null_ok.c's helper returning a status: it could
 * report the failure, but says success.
 * BUG: a failed call's NULL goes into the tuple and the helper returns 0. */
#include <Python.h>

static int
set_int(PyObject *t, Py_ssize_t i, long x)
{
    PyTuple_SET_ITEM(t, i, PyLong_FromLong(x));  // expect: null-deref
    return 0;
}

static PyObject *
pair(PyObject *self, PyObject *noargs)
{
    PyObject *t = PyTuple_New(2);
    if (t == NULL)
        return NULL;
    if (set_int(t, 0, 1) < 0 || set_int(t, 1, 2) < 0) {
        Py_DECREF(t);
        return NULL;
    }
    return t;
}

static PyMethodDef vhpb_methods[] = {
    {"pair", pair, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef vhpb_module = {PyModuleDef_HEAD_INIT, "vhpb", NULL, -1, vhpb_methods};

PyMODINIT_FUNC PyInit_vhpb(void) { return PyModule_Create(&vhpb_module); }
