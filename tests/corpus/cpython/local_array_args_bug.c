/* Arguments for a vectorcall are copied into a local array (typeobject.c
 * slot_sq_item: PyObject *stack[2] = {self, ival}): the array only borrows
 * them, so the function still releases its own reference afterwards.
 * BUG: the index object is never released.
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
    return res;  // expect: leak
}
