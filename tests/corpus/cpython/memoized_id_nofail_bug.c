/* The twin of memoized_id_nofail_ok.c: _PyUnicode_FromId of an identifier no
 * successful call has interned yet can fail: another identifier than the one
 * just set, or the same one after the call that would have interned it
 * failed (its error cleared). */
#include <Python.h>

static PyObject *ModDict;

static int
publish_other(PyObject *m, long v)
{
    _Py_IDENTIFIER(LINES);
    _Py_IDENTIFIER(COLS);
    PyObject *o = PyLong_FromLong(v);
    if (!o)
        return 0;
    if (_PyObject_SetAttrId(m, &PyId_LINES, o)) {
        Py_DECREF(o);
        return 0;
    }
    if (PyDict_SetItem(ModDict, _PyUnicode_FromId(&PyId_COLS), o)) { // expect: null-deref
        Py_DECREF(o);
        return 0;
    }
    Py_DECREF(o);
    return 1;
}

static int
publish_after_failure(PyObject *m, PyObject *o)
{
    _Py_IDENTIFIER(LINES);
    if (_PyObject_SetAttrId(m, &PyId_LINES, o) < 0)
        PyErr_Clear();
    return PyDict_SetItem(ModDict, _PyUnicode_FromId(&PyId_LINES), o); // expect: null-deref
}
