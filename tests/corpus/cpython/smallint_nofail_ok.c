/* PyLong_FromLong of a small int (-5..256) returns a preallocated object and
 * cannot fail (rule `cannot-fail`): using the result unchecked is fine. The
 * twin smallint_nofail_bug.c passes an int outside that range. */
#include <Python.h>

static PyObject *
zero_pair(void)
{
    PyObject *t = PyTuple_New(2);
    if (t == NULL)
        return NULL;
    PyObject *zero = PyLong_FromLong(0);
    PyObject *top = PyLong_FromSsize_t(256);
    Py_INCREF(zero); /* unchecked: cannot be NULL */
    PyTuple_SET_ITEM(t, 0, zero);
    PyTuple_SET_ITEM(t, 1, top);
    Py_DECREF(zero);
    return t;
}

static int
minus_five_is_cached(void)
{
    long n = -5;
    PyObject *v = PyLong_FromLong(n);
    int r = PyObject_IsTrue(v);
    Py_DECREF(v);
    return r;
}
