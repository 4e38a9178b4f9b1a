/* append_null_right_ok.c, but the function reports success whatever the
 * append did: when the right operand's creation failed, the append cleared
 * result and the error is still pending.
 * BUG: the failed call's NULL is dropped and None returned with an error set. */
#include <Python.h>

static PyObject *
suffix_length(PyObject *self, PyObject *arg)
{
    PyObject *result = PyObject_Str(arg);
    if (result == NULL)
        return NULL;
    PyUnicode_AppendAndDel(&result, PyUnicode_FromString("+00:00"));  // expect: null-deref
    Py_XDECREF(result);
    Py_RETURN_NONE;
}

static PyMethodDef anrb_methods[] = {
    {"suffix_length", suffix_length, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef anrb_module = {PyModuleDef_HEAD_INIT, "anrb", NULL, -1, anrb_methods};

PyMODINIT_FUNC PyInit_anrb(void) { return PyModule_Create(&anrb_module); }
