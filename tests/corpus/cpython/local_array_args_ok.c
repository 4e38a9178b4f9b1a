/* References copied into a local array: arguments for a vectorcall
 * (typeobject.c slot_sq_item: PyObject *stack[2] = {self, ival}), released
 * afterwards through the variable that still holds them; and results
 * collected into an array whose elements a loop releases (_testclinic.c
 * str_converter_impl: out[i++] = arg; arg = ...). The array takes the
 * reference; releasing it through the variable is releasing the array's. */
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
    return res;
}

PyObject *
pair_of(const char *a, const char *b)
{
    PyObject *out[2] = {NULL, NULL};
    PyObject *res = NULL;
    int i = 0;
    PyObject *arg = PyUnicode_FromString(a);
    if (arg == NULL)
        goto done;
    out[i++] = arg;
    arg = PyUnicode_FromString(b);
    if (arg == NULL)
        goto done;
    out[i++] = arg;
    res = PyTuple_Pack(2, out[0], out[1]);

done:
    for (int k = 0; k < i; k++)
        Py_XDECREF(out[k]);
    return res;
}
