/* A helper that returns its argument, or releases it and returns NULL, or
 * returns NULL when given NULL (async_gen_unwrap_value): it takes the
 * argument over and its result is new. A NULL parameter holds no reference,
 * so the NULL-in, NULL-out path does not make it "kept". The twin
 * unwrap_or_release_bug.c drops the result. */
#include <Python.h>
typedef struct { PyObject_HEAD int running; } Gen;
extern int is_wrapped(PyObject *o);
static PyObject *
unwrap(Gen *gen, PyObject *result)
{
    if (result == NULL) {
        gen->running = 0;
        return NULL;
    }
    if (is_wrapped(result)) {
        Py_DECREF(result);
        gen->running = 0;
        return NULL;
    }
    return result;
}
PyObject *
send(Gen *g, PyObject *arg)
{
    PyObject *result = PyObject_CallNoArgs(arg);
    result = unwrap(g, result);
    return result;
}
