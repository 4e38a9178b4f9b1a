/* Root cause A: Py_INCREF of a heap place (field or global) is dropped. */
#include <Python.h>
typedef struct { PyObject_HEAD PyObject *loop; } FutObj;
static PyObject *ErrorObject;

PyObject *fut_get_loop(FutObj *fut)        /* correct: borrowed-return reported */
{
    Py_INCREF(fut->loop);
    return fut->loop;
}

int mod_exec(PyObject *m)                  /* correct: over-release reported */
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

int fut_set_ctx(FutObj *self, PyObject *ctx)   /* correct: leak reported (store, then incref) */
{
    self->loop = ctx;
    Py_INCREF(ctx);
    return 0;
}
