/* The "goto done" exit releases everything with Py_XDECREF, but only what the
 * function owns: PyDict_GetItem returns a borrowed reference.
 * BUG: the exit releases the borrowed 'v' on every path where it is set.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
scale_get(PyObject *self, PyObject *args)
{
    PyObject *d, *key;
    double factor;
    PyObject *f = NULL, *result = NULL;
    if (!PyArg_ParseTuple(args, "OOd", &d, &key, &factor))
        return NULL;
    PyObject *v = PyDict_GetItem(d, key);
    if (v == NULL) {
        PyErr_SetObject(PyExc_KeyError, key);
        goto done;
    }
    f = PyFloat_FromDouble(factor);
    if (f == NULL)
        goto done;
    result = PyNumber_Multiply(v, f);
done:
    Py_XDECREF(v);  // expect: over-release
    Py_XDECREF(f);
    return result;
}

static PyMethodDef scale_methods[] = {
    {"get", scale_get, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef scale_module = {PyModuleDef_HEAD_INIT, "scale", NULL, -1, scale_methods};

PyMODINIT_FUNC PyInit_scale(void) { return PyModule_Create(&scale_module); }
