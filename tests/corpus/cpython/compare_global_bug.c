/* Being different from a global object says nothing about NULL. BUG: on the
 * side where the result is not Py_NotImplemented it may still be NULL (the
 * call failed), and Py_DECREF does not accept NULL. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

int add_is_notimpl(PyObject *a, PyObject *b)
{
    PyObject *r = PyNumber_Add(a, b);
    if (r != Py_NotImplemented) {
        Py_DECREF(r);  // expect: null-deref
        return 0;
    }
    Py_DECREF(r);
    return 1;
}
