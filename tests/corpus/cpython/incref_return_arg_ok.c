/* A helper that increfs its argument and returns it (`Py_INCREF(ob);
 * return ob;`) is inferred "arg1" with argument 1 "incref": its result is
 * the same object, with one more reference the caller owns, so three
 * releases balance one new reference and two increfs. The twin
 * incref_return_arg_bug.c releases one time too few. */
#include <Python.h>
static PyObject *
_test_incref(PyObject *ob)
{
    Py_INCREF(ob);
    return ob;
}
static PyObject *
test_incref_doesnt_leak(PyObject *ob, PyObject *unused)
{
    PyObject *obj = PyLong_FromLong(0);
    Py_INCREF(_test_incref(obj));
    Py_DECREF(obj);
    Py_DECREF(obj);
    Py_DECREF(obj);
    Py_RETURN_NONE;
}
