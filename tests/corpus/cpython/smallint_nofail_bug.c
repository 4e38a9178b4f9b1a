/* The twin of smallint_nofail_ok.c: 257 and -6 are not preallocated, so
 * PyLong_FromLong / PyLong_FromSsize_t can fail and return NULL. */
#include <Python.h>

static int
big_is_not_cached(void)
{
    PyObject *big = PyLong_FromSsize_t(257);
    int r = PyObject_IsTrue(big); // expect: null-deref
    Py_XDECREF(big);
    return r;
}

static int
minus_six_is_not_cached(void)
{
    long n = -6;
    PyObject *v = PyLong_FromLong(n);
    int r = PyObject_IsTrue(v); // expect: null-deref
    Py_XDECREF(v);
    return r;
}
