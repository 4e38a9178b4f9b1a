/* The twin of steal_then_incref_param_ok.c: call_with borrows obj, so
 * the caller's new reference leaks. */
#include <Python.h>

static int
call_with(PyObject *func, PyObject *obj, Py_ssize_t n)
{
    PyObject *args = PyTuple_New(1);
    if (args == NULL)
        return -1;
    int ret = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyTuple_SET_ITEM(args, 0, obj); // expect: over-release
        PyObject *r = PyObject_CallObject(func, args);
        if (r == NULL) {
            ret = -1;
            break;
        }
        Py_DECREF(r);
    }
    Py_INCREF(obj); /* args[0] */
    Py_DECREF(args);
    return ret; // expect: leak
}

int
call_with_number(PyObject *func, long n)
{
    PyObject *x = PyLong_FromLong(n);
    if (x == NULL)
        return -1;
    return call_with(func, x, 2); // expect: leak
}
