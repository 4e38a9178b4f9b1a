/* Arguments for a vectorcall are copied into a local array (typeobject.c
 * slot_sq_item: PyObject *stack[2] = {self, ival}); the array takes the
 * reference, which is released afterwards through the variable.
 * BUG: the index object is released twice.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

PyObject *
call_with_index(PyObject *func, PyObject *self, Py_ssize_t i)
{
    PyObject *ival = PyLong_FromSsize_t(i);
    if (ival == NULL)
        return NULL;
    PyObject *stack[2] = {self, ival};
    PyObject *res = PyObject_Vectorcall(func, stack, 2, NULL);
    Py_DECREF(ival);
    Py_DECREF(ival);  // expect: over-release, use-after-release
    return res;
}
