/* pair.c: build_pair returns a new reference (Py_BuildValue's). */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

PyObject *build_pair(long a, long b)
{
    return Py_BuildValue("(ll)", a, b);
}
