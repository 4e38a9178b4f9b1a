/* The twin of heaptype_name_nofail_ok.c: PyType_GetName of a static type
 * (&PyLong_Type) builds the name with PyUnicode_FromString and can fail, and
 * so can PyType_GetQualName of a type object the code did not make: a
 * parameter, or PyObject_Type's result on a path that meets one where
 * PyType_FromSpec made the type (the two states must stay apart). */
#include <Python.h>

static PyObject *
static_type_name(PyObject *self, PyObject *unused)
{
    PyObject *name = PyType_GetName(&PyLong_Type);
    Py_ssize_t n = PyUnicode_GetLength(name); // expect: null-deref
    Py_DECREF(name);
    return PyLong_FromSsize_t(n);
}

static PyObject *
param_type_qualname(PyObject *self, PyObject *type)
{
    PyObject *qual = PyType_GetQualName((PyTypeObject *)type);
    Py_ssize_t n = PyUnicode_GetLength(qual); // expect: null-deref
    Py_DECREF(qual);
    return PyLong_FromSsize_t(n);
}

static PyType_Slot slots[] = {{0, 0}};
static PyType_Spec spec = {"m.T", sizeof(PyObject), 0, Py_TPFLAGS_DEFAULT, slots};
extern int pick(PyType_Spec *s);

static PyObject *
either_type_qualname(PyObject *self, PyObject *o)
{
    PyObject *type;
    if (o == NULL)
        return NULL;
    if (pick(&spec))
        type = PyType_FromSpec(&spec);
    else
        type = PyObject_Type(o);
    if (type == NULL)
        return NULL;
    PyObject *qual = PyType_GetQualName((PyTypeObject *)type);
    Py_DECREF(type);
    Py_ssize_t n = PyUnicode_GetLength(qual); // expect: null-deref
    Py_DECREF(qual);
    return PyLong_FromSsize_t(n);
}
