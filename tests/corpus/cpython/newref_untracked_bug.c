/* Py_NewRef of values refflow does not track (a reviewer's cases): the
 * result is a fresh new reference of the function's own, whatever the
 * argument is; and its incref is not a payment of an earlier debt of the
 * same global.
 * BUG: four leaks of the Py_NewRef result, and a Py_None stored without
 * its incref. */
#include <Python.h>

extern PyObject *make_thing(PyObject *key); /* no rule: a result of unknown origin */

PyObject *
newref_unknown_leak(PyObject *self, PyObject *key)
{
    PyObject *v = make_thing(key);
    PyObject *r = Py_NewRef(v);
    (void)r;
    Py_RETURN_NONE;  // expect: leak
}

PyObject *
newref_void_leak(PyObject *self, void *ctx)
{
    PyObject *r = Py_NewRef((PyObject *)ctx);
    (void)r;
    Py_RETURN_NONE;  // expect: leak
}

typedef PyObject *(*getter_fn)(PyObject *);

PyObject *
newref_indirect_leak(PyObject *self, getter_fn get)
{
    PyObject *r = Py_NewRef(get(self));
    (void)r;
    Py_RETURN_NONE;  // expect: leak
}

PyObject *
newref_slot_leak(PyObject *self, PyObject *tuple)
{
    PyObject *r = Py_NewRef(PyTuple_GET_ITEM(tuple, 0));
    (void)r;
    Py_RETURN_NONE;  // expect: leak
}

PyObject *
none_pair(PyObject *self, PyObject *unused)
{
    PyObject *t = PyTuple_New(2);
    if (t == NULL)
        return NULL;
    PyTuple_SET_ITEM(t, 0, Py_None);  // expect: over-release
    PyTuple_SET_ITEM(t, 1, Py_NewRef(Py_None));
    return t;
}
