/* Moving a reference out of a structure: reading the field and setting it
 * to NULL transfers the structure's reference to the function, which may
 * then return it as a new reference. Correct. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *pending;
} QueueObject;

PyObject *queue_take(QueueObject *self)
{
    PyObject *v = self->pending;
    if (v == NULL)
        Py_RETURN_NONE;
    self->pending = NULL;
    return v;
}
