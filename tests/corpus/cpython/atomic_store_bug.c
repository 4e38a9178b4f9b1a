/* The twin of atomic_store_ok.c: after an atomic store hands the reference
 * to the table, releasing it again takes the table's reference away. */
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
    Py_DECREF(o); // expect: over-release
    Py_RETURN_NONE;
}

static PyObject *
set_c11_handler(int i, long v)
{
    PyObject *o = PyLong_FromLong(v);
    if (o == NULL)
        return NULL;
    atomic_store_explicit(&c11_handlers[i & 7], (uintptr_t)o, memory_order_relaxed);
    Py_DECREF(o); // expect: over-release
    Py_RETURN_NONE;
}

static PyObject *
set_object(int i, long v)
{
    PyObject *o = PyLong_FromLong(v);
    if (o == NULL)
        return NULL;
    __atomic_store(&objects[i & 7], &o, __ATOMIC_RELEASE);
    Py_DECREF(o); // expect: over-release
    Py_RETURN_NONE;
}
