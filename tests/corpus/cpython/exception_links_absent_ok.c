/* PyException_GetCause/GetContext/GetTraceback return a new reference, or
 * NULL when there is none, with no exception set (exceptions.c:380-417);
 * the setters accept NULL, so a link can be copied unchecked (exceptions.c
 * exceptiongroup_subset). The NULL still cannot be dereferenced. */
#include <Python.h>

static PyObject *
copy_links(PyObject *self, PyObject *args)
{
    PyObject *src, *dst;
    if (!PyArg_ParseTuple(args, "OO", &src, &dst))
        return NULL;
    if (!PyExceptionInstance_Check(src) || !PyExceptionInstance_Check(dst)) {
        PyErr_SetString(PyExc_TypeError, "exceptions expected");
        return NULL;
    }
    PyException_SetContext(dst, PyException_GetContext(src));
    PyException_SetCause(dst, PyException_GetCause(src));
    Py_RETURN_NONE;
}

static PyObject *
has_traceback(PyObject *self, PyObject *exc)
{
    PyObject *tb = PyException_GetTraceback(exc);
    PyObject *r = PyBool_FromLong(tb != NULL);
    Py_XDECREF(tb);
    return r;
}

static PyMethodDef ela_methods[] = {
    {"copy_links", copy_links, METH_VARARGS, NULL},
    {"has_traceback", has_traceback, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef ela_module = {PyModuleDef_HEAD_INIT, "ela", NULL, -1, ela_methods};

PyMODINIT_FUNC PyInit_ela(void) { return PyModule_Create(&ela_module); }
