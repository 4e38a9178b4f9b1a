/* A recursive static helper returning a borrowed type (typeobject.c
 * solid_base: its argument, a base found by recursion, or
 * &PyBaseObject_Type; never NULL).
 * BUG: the caller releases the borrowed result.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyTypeObject *
solid(PyTypeObject *type)
{
    PyTypeObject *base;
    if (type->tp_base)
        base = solid(type->tp_base);
    else
        base = &PyBaseObject_Type;
    if (type->tp_basicsize != base->tp_basicsize)
        return type;
    return base;
}

int
same_layout(PyTypeObject *a, PyTypeObject *b)
{
    PyTypeObject *x = solid(a);
    int r = PyType_IsSubtype(x, b);
    Py_DECREF(x);  // expect: over-release
    return r;
}
