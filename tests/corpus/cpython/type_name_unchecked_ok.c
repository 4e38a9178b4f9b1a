/* PyNumber_Index returns NULL (with TypeError set) for non-integers; Py_TYPE
 * dereferences its argument, so the result must be checked first.
 * Correct twin of type_name_unchecked_bug.c: same code with the bug fixed.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
num_index_type(PyObject *self, PyObject *arg)
{
    PyObject *idx = PyNumber_Index(arg);
    if (idx == NULL)
        return NULL;
    PyObject *res = PyUnicode_FromString(Py_TYPE(idx)->tp_name);
    Py_XDECREF(idx);
    return res;
}

static PyMethodDef num_methods[] = {
    {"index_type", num_index_type, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef num_module = {PyModuleDef_HEAD_INIT, "num", NULL, -1, num_methods};

PyMODINIT_FUNC PyInit_num(void) { return PyModule_Create(&num_module); }
