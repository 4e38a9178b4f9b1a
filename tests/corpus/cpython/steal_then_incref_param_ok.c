/* A scratch tuple whose slot holds a borrowed parameter (_testbuffer.c's
 * pack_from_list): the slot is set in a loop and incref'd back before the
 * tuple is released. A parameter given to a stealing call and also
 * incref'd is borrowed, so call_twice, passing its own borrowed argument,
 * is fine. In the helper's body two findings remain: re-setting the slot
 * on the loop's second pass looks like a second steal (a false alarm: the
 * engine does not know the slot still holds obj), and with n == 0 the
 * incref is never paid by the tuple (a true leak). The twin
 * steal_then_incref_param_bug.c leaks a caller's new reference. */
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
call_twice(PyObject *func, PyObject *arg)
{
    return call_with(func, arg, 2);
}
