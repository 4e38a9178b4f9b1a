/* A NULL right operand makes an in-place append fail (_datetimemodule.c
 * time_isoformat: `PyUnicode_AppendAndDel(&result, PyUnicode_FromString(buf));
 * return result;`): PyUnicode_Append checks right == NULL
 * (unicodeobject.c:11518), clears *pleft and keeps the pending error, so
 * the NULL result is the function's failure. */
#include <Python.h>

static PyObject *
with_suffix(PyObject *self, PyObject *arg)
{
    PyObject *result = PyObject_Str(arg);
    if (result == NULL)
        return NULL;
    PyUnicode_AppendAndDel(&result, PyUnicode_FromString("+00:00"));
    return result;
}

static PyMethodDef anr_methods[] = {
    {"with_suffix", with_suffix, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef anr_module = {PyModuleDef_HEAD_INIT, "anr", NULL, -1, anr_methods};

PyMODINIT_FUNC PyInit_anr(void) { return PyModule_Create(&anr_module); }
