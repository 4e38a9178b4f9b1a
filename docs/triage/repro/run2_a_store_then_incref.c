#include <Python.h>
typedef struct { PyObject_HEAD PyObject *intern; } ParserObj;
PyObject *parser_new(PyTypeObject *tp, PyObject *intern)   /* correct (pyexpat.c:1158) */
{
    ParserObj *self = PyObject_New(ParserObj, tp);
    if (self == NULL)
        return NULL;
    self->intern = intern;
    Py_XINCREF(self->intern);
    return (PyObject *)self;
}
PyObject *mkgrp(PyObject *v)    /* correct (grpmodule.c:84): store, then pay for it */
{
    PyStructSequence_SET_ITEM(v, 0, Py_None);
    Py_INCREF(Py_None);
    return Py_NewRef(v);
}
