/* An object embedded in a global struct (CPython's _Py_SINGLETON(NAME),
 * &_PyRuntime.global_objects.singletons.NAME): its address is one value,
 * so an incref of it pays for returning it (tupleobject.c
 * tuple_get_empty). */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static struct {
    struct {
        PyTupleObject tuple_empty;
    } singletons;
} objects;

PyObject *
get_empty(void)
{
    Py_INCREF(&objects.singletons.tuple_empty);
    return (PyObject *)&objects.singletons.tuple_empty;
}
