/* "store-on-success": a function that keeps the pointer it is given when it
 * succeeds. Py_AddPendingCall queues its argument for the callback, which
 * releases it (_testcapimodule.c pending_threadfunc); when the queue is full
 * (-1) the caller still owns it. _Py_hashtable_set keeps its value in the
 * table, which owns it (_tracemalloc.c traceback_to_pyobject: the incref after
 * the store is the caller's own). The twin of store_on_success_bug.c. */
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
    if (r < 0) {
        Py_DECREF(callable);
        Py_RETURN_FALSE;
    }
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
    Py_INCREF(frames); /* the table keeps the first reference */
    return frames;
}
