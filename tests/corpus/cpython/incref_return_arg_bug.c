/* The twin of incref_return_arg_ok.c: the helper's result is obj with one
 * more reference, and only two of the three references are released. */
#include <Python.h>
static PyObject *
_test_incref(PyObject *ob)
{
    Py_INCREF(ob);
    return ob;
}
static PyObject *
test_incref_leaks(PyObject *ob, PyObject *unused)
{
    PyObject *obj = PyLong_FromLong(0);
    Py_INCREF(_test_incref(obj));
    Py_DECREF(obj);
    Py_DECREF(obj);
    Py_RETURN_NONE; // expect: leak
}
