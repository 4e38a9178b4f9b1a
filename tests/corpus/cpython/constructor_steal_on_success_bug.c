/* The twin of constructor_steal_on_success_ok.c: one caller forgets that a
 * failed constructor hands its arguments back, another releases them after
 * the constructor took them. */
#include <Python.h>
typedef struct { PyObject_HEAD PyObject *start, *stop, *len; } rangeobject;
static PyObject *compute_len(PyObject *a, PyObject *b);
static rangeobject *
make_range_object(PyTypeObject *type, PyObject *start, PyObject *stop)
{
    PyObject *length = compute_len(start, stop);
    if (length == NULL)
        return NULL;
    rangeobject *obj = PyObject_New(rangeobject, type);
    if (obj == NULL) {
        Py_DECREF(length);
        return NULL;
    }
    obj->start = start;
    obj->stop = stop;
    obj->len = length;
    return obj;
}
static PyObject *
range_new(PyTypeObject *type, PyObject *a, PyObject *b)
{
    PyObject *start = PyNumber_Index(a);
    if (!start) return NULL;
    PyObject *stop = PyNumber_Index(b);
    if (!stop) { Py_DECREF(start); return NULL; }
    rangeobject *obj = make_range_object(type, start, stop);
    if (obj != NULL)
        return (PyObject *)obj;
    Py_DECREF(start);
    return NULL; // expect: leak
}
static PyObject *
range_new_twice(PyTypeObject *type, PyObject *a, PyObject *b)
{
    PyObject *start = PyNumber_Index(a);
    if (!start) return NULL;
    PyObject *stop = PyNumber_Index(b);
    if (!stop) { Py_DECREF(start); return NULL; }
    rangeobject *obj = make_range_object(type, start, stop);
    Py_DECREF(start); // expect: over-release
    Py_DECREF(stop); // expect: over-release
    return (PyObject *)obj;
}
