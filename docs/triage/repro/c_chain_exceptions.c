/* Root cause C: CPython-internal API without a rule (_PyErr_ChainExceptions steals all three). */
#include <Python.h>
PyAPI_FUNC(void) _PyErr_ChainExceptions(PyObject *, PyObject *, PyObject *);
int close_file(PyObject *f)                                   /* correct */
{
    PyObject *exc, *val, *tb;
    PyErr_Fetch(&exc, &val, &tb);
    PyObject *r = PyObject_CallMethod(f, "close", NULL);
    _PyErr_ChainExceptions(exc, val, tb);
    if (r == NULL)
        return -1;
    Py_DECREF(r);
    return 0;
}
