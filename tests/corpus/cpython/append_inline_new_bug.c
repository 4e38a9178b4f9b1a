/* Passing a fresh PyLong_FromLong(...) straight to PyList_Append: Append does
 * not steal, so nobody releases the new integer, and when the allocation
 * fails PyList_Append receives NULL.
 * BUG: the call line both leaks the temporary and may pass NULL.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
cd_countdown(PyObject *self, PyObject *args)
{
    long n;
    if (!PyArg_ParseTuple(args, "l", &n))
        return NULL;
    PyObject *list = PyList_New(0);
    if (list == NULL)
        return NULL;
    for (long i = n; i > 0; i--) {
        int rc = PyList_Append(list, PyLong_FromLong(i));  // expect: leak, null-deref
        if (rc < 0) {
            Py_DECREF(list);
            return NULL;
        }
    }
    return list;
}

static PyMethodDef cd_methods[] = {
    {"countdown", cd_countdown, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef cd_module = {PyModuleDef_HEAD_INIT, "cd", NULL, -1, cd_methods};

PyMODINIT_FUNC PyInit_cd(void) { return PyModule_Create(&cd_module); }
