/* The twin of store_on_success_ok.c: once Py_AddPendingCall or
 * _Py_hashtable_set succeeded, the queue or the table holds the reference the
 * caller gave; releasing it again takes away the queue's or the table's. */
#include <Python.h>

int _Py_hashtable_set(void *ht, const void *key, void *value);

static int
pending_callback(void *arg)
{
    Py_DECREF((PyObject *)arg);
    return 0;
}

static PyObject *
pending(PyObject *self, PyObject *callable)
{
    Py_INCREF(callable);
    int r = Py_AddPendingCall(&pending_callback, callable);
    Py_DECREF(callable); // expect: over-release
    if (r < 0)
        Py_RETURN_FALSE;
    Py_RETURN_TRUE;
}

PyObject *
interned(void *table, const void *key, Py_ssize_t n)
{
    PyObject *frames = PyTuple_New(n);
    if (frames == NULL)
        return NULL;
    if (_Py_hashtable_set(table, key, frames) < 0) {
        Py_DECREF(frames);
        return PyErr_NoMemory();
    }
    Py_DECREF(frames); // expect: over-release
    Py_RETURN_NONE;
}
