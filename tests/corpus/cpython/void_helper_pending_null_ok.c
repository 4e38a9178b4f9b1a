/* A void helper that puts a call's result into a tuple without checking it
 * (pwdmodule.c sets: PyStructSequence_SET_ITEM(v, i, val) with val from
 * PyUnicode_DecodeFSDefault): it cannot report the failure, so its caller
 * checks PyErr_Occurred() after filling the tuple. */
#include <Python.h>

static void
set_int(PyObject *t, Py_ssize_t i, long x)
{
    PyTuple_SET_ITEM(t, i, PyLong_FromLong(x));
}

static PyObject *
pair(PyObject *self, PyObject *noargs)
{
    PyObject *t = PyTuple_New(2);
    if (t == NULL)
        return NULL;
    set_int(t, 0, 1);
    set_int(t, 1, 2);
    if (PyErr_Occurred()) {
        Py_DECREF(t);
        return NULL;
    }
    return t;
}

static PyMethodDef vhp_methods[] = {
    {"pair", pair, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef vhp_module = {PyModuleDef_HEAD_INIT, "vhp", NULL, -1, vhp_methods};

PyMODINIT_FUNC PyInit_vhp(void) { return PyModule_Create(&vhp_module); }
