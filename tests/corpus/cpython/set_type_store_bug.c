/* The twin of set_type_store_ok.c: the reference the incref took for the
 * object's ob_type is released again after Py_SET_TYPE stored it. */
#include <Python.h>

static int
set_class(PyObject *self, PyTypeObject *newto)
{
    PyTypeObject *oldto = Py_TYPE(self);
    Py_INCREF(newto);
    Py_SET_TYPE(self, newto);
    Py_DECREF(newto); // expect: over-release
    if (oldto->tp_flags & Py_TPFLAGS_HEAPTYPE)
        Py_DECREF(oldto);
    return 0;
}

void registry_put(PyObject *o) __attribute__((annotate("refflow:arg1=store")));

static int
remember(long v)
{
    PyObject *o = PyLong_FromLong(v);
    if (o == NULL)
        return -1;
    registry_put(o);
    Py_DECREF(o); // expect: over-release
    return 0;
}
