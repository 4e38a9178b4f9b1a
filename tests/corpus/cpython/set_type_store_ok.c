/* Py_SET_TYPE(ob, type) stores type into ob->ob_type ("fn Py_SET_TYPE value
 * borrow store"): an instance of a heap type owns a reference to its type,
 * which the incref before the store pays for (typeobject.c object_set_class);
 * a static type needs none. The twin of set_type_store_bug.c. */
#include <Python.h>

static int
set_class(PyObject *self, PyTypeObject *newto)
{
    PyTypeObject *oldto = Py_TYPE(self);
    if (newto->tp_flags & Py_TPFLAGS_HEAPTYPE)
        Py_INCREF(newto);
    Py_SET_TYPE(self, newto);
    if (oldto->tp_flags & Py_TPFLAGS_HEAPTYPE)
        Py_DECREF(oldto);
    return 0;
}

static void
make_list(PyObject *obj)
{
    Py_SET_TYPE(obj, &PyList_Type);
}

/* A declaration's annotation says the same ("refflow:arg1=store"). */
void registry_put(PyObject *o) __attribute__((annotate("refflow:arg1=store")));

static int
remember(long v)
{
    PyObject *o = PyLong_FromLong(v);
    if (o == NULL)
        return -1;
    registry_put(o);
    return 0;
}
