/* PyArg_ParseTuple can store its borrowed outputs straight into fields;
 * Py_INCREF(self->x) then takes the structure's own reference. Correct:
 * nothing is owned by the function itself, so nothing leaks. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *name;
    PyObject *value;
} PairObject;

int pair_init(PairObject *self, PyObject *args)
{
    if (!PyArg_ParseTuple(args, "OO", &self->name, &self->value))
        return -1;
    Py_INCREF(self->name);
    Py_INCREF(self->value);
    return 0;
}
