/* PyTuple_SET_ITEM(t, i, PyFloat_FromDouble(x)) is fine for ownership (the
 * tuple takes the new reference) but PyFloat_FromDouble may return NULL,
 * which must not be stored.
 * BUG: both results go into the tuple without a NULL check.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
xy_point(PyObject *self, PyObject *args)
{
    double x, y;
    if (!PyArg_ParseTuple(args, "dd", &x, &y))
        return NULL;
    PyObject *t = PyTuple_New(2);
    if (t == NULL)
        return NULL;
    PyTuple_SET_ITEM(t, 0, PyFloat_FromDouble(x));  // expect: null-deref
    PyTuple_SET_ITEM(t, 1, PyFloat_FromDouble(y));  // expect: null-deref
    return t;
}

static PyMethodDef xy_methods[] = {
    {"point", xy_point, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef xy_module = {PyModuleDef_HEAD_INIT, "xy", NULL, -1, xy_methods};

PyMODINIT_FUNC PyInit_xy(void) { return PyModule_Create(&xy_module); }
