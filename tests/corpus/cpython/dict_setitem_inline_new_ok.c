/* PyDict_SetItemString does not steal the value: a PyLong_FromLong(...)
 * passed inline is never released, and NULL reaches the dict on failure.
 * Correct twin of dict_setitem_inline_new_bug.c: same code with the bug fixed.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
geo_size(PyObject *self, PyObject *args)
{
    long width;
    if (!PyArg_ParseTuple(args, "l", &width))
        return NULL;
    PyObject *d = PyDict_New();
    if (d == NULL)
        return NULL;
    PyObject *w = PyLong_FromLong(width);
    if (w == NULL) {
        Py_DECREF(d);
        return NULL;
    }
    int rc = PyDict_SetItemString(d, "width", w);
    Py_DECREF(w);
    if (rc < 0) {
        Py_DECREF(d);
        return NULL;
    }
    return d;
}

static PyMethodDef geo_methods[] = {
    {"size", geo_size, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef geo_module = {PyModuleDef_HEAD_INIT, "geo", NULL, -1, geo_methods};

PyMODINIT_FUNC PyInit_geo(void) { return PyModule_Create(&geo_module); }
