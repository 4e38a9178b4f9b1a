/* The twin of unwrap_or_release_ok.c: the caller drops what the helper
 * gives back, a new reference. */
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
int
send_and_drop(Gen *g, PyObject *arg)
{
    PyObject *result = PyObject_CallNoArgs(arg);
    result = unwrap(g, result);
    return result != NULL; // expect: leak
}
