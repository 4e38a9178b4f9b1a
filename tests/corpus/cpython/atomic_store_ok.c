/* An atomic store is a store: the handler table keeps the reference that
 * __atomic_store_n / C11 atomic_store_explicit write into it (CPython's
 * _Py_atomic_store, signalmodule.c's set_handler). The twin of
 * atomic_store_bug.c. */
#include <Python.h>
#include <stdatomic.h>
#include <stdint.h>

static uintptr_t handlers[8];
static _Atomic uintptr_t c11_handlers[8];
static PyObject *objects[8];

static PyObject *
set_handler(int i, long v)
{
    PyObject *o = PyLong_FromLong(v);
    if (o == NULL)
        return NULL;
    __atomic_store_n(&handlers[i & 7], (uintptr_t)o, __ATOMIC_SEQ_CST);
    Py_RETURN_NONE;
}

static PyObject *
set_c11_handler(int i, long v)
{
    PyObject *o = PyLong_FromLong(v);
    if (o == NULL)
        return NULL;
    atomic_store_explicit(&c11_handlers[i & 7], (uintptr_t)o, memory_order_relaxed);
    Py_RETURN_NONE;
}

static PyObject *
set_object(int i, long v)
{
    PyObject *o = PyLong_FromLong(v);
    if (o == NULL)
        return NULL;
    __atomic_store(&objects[i & 7], &o, __ATOMIC_RELEASE);
    Py_RETURN_NONE;
}
