/* Py_TYPE(o) dereferences 'o': after this function released its only
 * reference the object may already be freed.
 * Correct twin of use_after_decref_type_bug.c: same code with the bug fixed.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
conv_type_name(PyObject *self, PyObject *arg)
{
    PyObject *n = PyNumber_Long(arg);
    if (n == NULL)
        return NULL;
    PyObject *res = PyUnicode_FromString(Py_TYPE(n)->tp_name);
    Py_DECREF(n);
    return res;
}

static PyMethodDef conv_methods[] = {
    {"type_name", conv_type_name, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef conv_module = {PyModuleDef_HEAD_INIT, "conv", NULL, -1, conv_methods};

PyMODINIT_FUNC PyInit_conv(void) { return PyModule_Create(&conv_module); }
