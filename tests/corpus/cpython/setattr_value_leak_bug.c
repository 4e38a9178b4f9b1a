/* PyObject_SetAttrString does not steal the value; the caller still owns
 * its reference after the call, whether the call failed or not.
 * BUG: 'v' is lost on both returns.
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
    if (rc < 0)
        return NULL;  // expect: leak
    Py_RETURN_NONE;  // expect: leak
}

static PyMethodDef tags_methods[] = {
    {"stamp", tags_stamp, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef tags_module = {PyModuleDef_HEAD_INIT, "tags", NULL, -1, tags_methods};

PyMODINIT_FUNC PyInit_tags(void) { return PyModule_Create(&tags_module); }
