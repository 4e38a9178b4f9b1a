/* The twin of intern_in_place_ok.c: the string this function made is
 * still its own after interning, and it is never released. */
#include <Python.h>

int
set_attr_named(PyObject *v, const char *cname, PyObject *value)
{
    PyObject *name = PyUnicode_FromString(cname);
    if (name == NULL)
        return -1;
    PyUnicode_InternInPlace(&name);
    return PyObject_GenericSetAttr(v, name, value); // expect: leak
}
