/* lookup.c: option_get returns the dictionary's own reference (every
 * result is borrowed: its summary says so). Its body is checked against
 * the convention and reported. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

PyObject *option_get(PyObject *options, const char *name)
{
    return PyDict_GetItemString(options, name); // expect: borrowed-return
}
