/* Taking a reference through a field and returning it, storing a borrowed
 * argument into a field and then taking the structure's reference, and
 * taking a reference to a global before PyModule_AddObject steals one: all
 * correct (CPython's _asynciomodule.c, _ssl.c and module init idioms). */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *loop;
    PyObject *ctx;
} FutureObject;

static PyObject *ErrorObject;

PyObject *future_get_loop(FutureObject *fut)
{
    Py_INCREF(fut->loop);
    return fut->loop;
}

int future_set_ctx(FutureObject *fut, PyObject *ctx)
{
    fut->ctx = ctx;
    Py_INCREF(ctx);
    return 0;
}

int add_error(PyObject *m)
{
    ErrorObject = PyErr_NewException("m.error", NULL, NULL);
    if (ErrorObject == NULL)
        return -1;
    Py_INCREF(ErrorObject);
    if (PyModule_AddObject(m, "error", ErrorObject) < 0) {
        Py_DECREF(ErrorObject);
        return -1;
    }
    return 0;
}
