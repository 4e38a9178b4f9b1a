/* A failed call's NULL used several times is reported once: passing it
 * where NULL is not allowed may only raise (PyList_Size's SystemError), so
 * the path goes on without a second report of the same NULL; dereferencing
 * it crashes, so the path ends there (nothing after it is reported). */
#include <Python.h>

static Py_ssize_t
size_twice(PyObject *other)
{
    PyObject *l = PyList_New(0);
    Py_INCREF(other);
    Py_ssize_t n = PyList_Size(l); // expect: null-deref
    n += PyList_Size(l);
    Py_DECREF(l);
    Py_DECREF(other);
    return n;
}

typedef struct { PyObject_HEAD PyObject *a; } pair;

static PyObject *
deref_ends_the_path(PyTypeObject *tp, PyObject *item)
{
    pair *p = PyObject_New(pair, tp);
    PyObject *extra = PyList_New(0);
    if (extra == NULL)
        return NULL; // expect: leak
    p->a = item; // expect: null-deref
    Py_INCREF(item);
    Py_DECREF(p); /* not reached on the failure path: no second report */
    return extra;
}
