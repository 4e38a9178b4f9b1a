/* PyUnicode_Append(&s, NULL) fails cleanly: it releases s, sets it to NULL
 * and keeps the pending error (unicodeobject.c:11518); PyUnicode_AppendAndDel
 * then Py_XDECREFs the NULL (11592). An unchecked result can be appended, and
 * the error checked once afterwards (_datetimemodule.c time_isoformat).
 * BUG: PyUnicode_Append borrows its second argument: the new string leaks. */
#include <Python.h>

static PyObject *
with_suffix(PyObject *self, PyObject *args)
{
    const char *head, *tail;
    if (!PyArg_ParseTuple(args, "ss", &head, &tail))
        return NULL;
    PyObject *s = PyUnicode_FromString(head);
    if (s == NULL)
        return NULL;
    PyUnicode_Append(&s, PyUnicode_FromString(tail));  // expect: leak
    if (PyErr_Occurred()) {
        Py_XDECREF(s);
        return NULL;
    }
    return s;
}

static PyMethodDef uan_methods[] = {
    {"with_suffix", with_suffix, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef uan_module = {PyModuleDef_HEAD_INIT, "uan", NULL, -1, uan_methods};

PyMODINIT_FUNC PyInit_uan(void) { return PyModule_Create(&uan_module); }
