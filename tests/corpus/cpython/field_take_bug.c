/* Returning a field's object without taking a reference: the structure
 * still holds its reference, so the caller receives one nobody gave it.
 * BUG: borrowed-return (needs Py_NewRef, or clearing the field). */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *pending;
} QueueObject;

PyObject *queue_peek(QueueObject *self)
{
    PyObject *v = self->pending;
    if (v == NULL)
        Py_RETURN_NONE;
    return v;  // expect: borrowed-return
}
