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
