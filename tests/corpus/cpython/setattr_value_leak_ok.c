/* PyObject_SetAttrString does not steal the value; the caller still owns
 * its reference after the call, whether the call failed or not.
 * Correct twin of setattr_value_leak_bug.c: same code with the bug fixed.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
tags_stamp(PyObject *self, PyObject *args)
{
    PyObject *obj;
    long serial;
    if (!PyArg_ParseTuple(args, "Ol", &obj, &serial))
        return NULL;
    PyObject *v = PyLong_FromLong(serial);
    if (v == NULL)
        return NULL;
    int rc = PyObject_SetAttrString(obj, "serial", v);
    Py_DECREF(v);
    if (rc < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyMethodDef tags_methods[] = {
    {"stamp", tags_stamp, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef tags_module = {PyModuleDef_HEAD_INIT, "tags", NULL, -1, tags_methods};

PyMODINIT_FUNC PyInit_tags(void) { return PyModule_Create(&tags_module); }
