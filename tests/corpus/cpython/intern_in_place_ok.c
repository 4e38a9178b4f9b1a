/* PyUnicode_InternInPlace(&s) leaves the caller with as many references
 * through s as before (it may swap s for the interned string): a parameter
 * incref'd, interned and released again is still the caller's, so using it
 * after is fine (PyObject_SetAttr). The twin intern_in_place_bug.c leaks
 * its own string. */
#include <Python.h>

int
set_attr_interned(PyObject *v, PyObject *name, PyObject *value)
{
    Py_INCREF(name);
    PyUnicode_InternInPlace(&name);
    int err = PyObject_GenericSetAttr(v, name, value);
    Py_DECREF(name);
    if (err < 0)
        PyErr_Format(PyExc_TypeError, "cannot set %U", name);
    return err;
}
