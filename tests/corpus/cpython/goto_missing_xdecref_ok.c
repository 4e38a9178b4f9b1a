/* The "goto error" cleanup idiom: every owned temporary starts as NULL and
 * the shared exit releases each one with Py_XDECREF (which accepts NULL).
 * Correct twin of goto_missing_xdecref_bug.c: same code with the bug fixed.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
vec_make(PyObject *self, PyObject *args)
{
    PyObject *x = NULL, *y = NULL, *result = NULL;
    double fx, fy;
    if (!PyArg_ParseTuple(args, "dd", &fx, &fy))
        return NULL;
    x = PyFloat_FromDouble(fx);
    if (x == NULL)
        goto error;
    y = PyFloat_FromDouble(fy);
    if (y == NULL)
        goto error;
    result = PyTuple_Pack(2, x, y);
error:
    Py_XDECREF(x);
    Py_XDECREF(y);
    return result;
}

static PyMethodDef vec_methods[] = {
    {"make", vec_make, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef vec_module = {PyModuleDef_HEAD_INIT, "vec", NULL, -1, vec_methods};

PyMODINIT_FUNC PyInit_vec(void) { return PyModule_Create(&vec_module); }
