/* PyTuple_GetItem returns a borrowed reference owned by the tuple.
 * BUG: the borrowed 'item' is released after use.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
tup_second_str(PyObject *self, PyObject *args)
{
    PyObject *t;
    if (!PyArg_ParseTuple(args, "O", &t))
        return NULL;
    PyObject *item = PyTuple_GetItem(t, 1);
    if (item == NULL)
        return NULL;
    PyObject *r = PyObject_Str(item);
    Py_DECREF(item);  // expect: over-release
    return r;
}

static PyMethodDef tup_methods[] = {
    {"second_str", tup_second_str, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef tup_module = {PyModuleDef_HEAD_INIT, "tup", NULL, -1, tup_methods};

PyMODINIT_FUNC PyInit_tup(void) { return PyModule_Create(&tup_module); }
