#include <Python.h>
long first(PyObject *term)                  /* correct: size checked */
{
    if (!PyList_Check(term) || PyList_Size(term) != 7)
        return -1;
    return PyLong_AsLong(PyList_GetItem(term, 0));
}
PyObject *sub(PyObject *a, PyObject *b)     /* correct */
{
    PyObject *result = Py_NotImplemented;      /* borrowed until the incref below */
    if (PyLong_Check(a))
        result = PyNumber_Subtract(a, b);
    if (result == Py_NotImplemented)           /* implies result != NULL */
        Py_INCREF(result);
    return result;
}
int add_nan(PyObject *m)                    /* correct: AddObject accepts NULL (returns -1) */
{
    if (PyModule_AddObject(m, "nan", PyFloat_FromDouble(Py_NAN)) < 0)
        return -1;
    return 0;
}
PyObject *t(PyObject *self)                 /* correct: small int never fails */
{
    Py_DECREF(PyLong_FromLong(0));
    Py_RETURN_NONE;
}
PyObject *lookup(PyTypeObject *tp, PyObject *name)  /* correct: _PyType_Lookup is borrowed */
{
    PyObject *res = _PyType_Lookup(tp, name);
    Py_XINCREF(res);
    return res;
}
