/* _PyUnicode_FromId(&PyId_x) interns the identifier's string once and then
 * returns the cached object: after a call that succeeded with the same
 * identifier (_PyObject_SetAttrId, _PyObject_LookupAttrId, or
 * _PyUnicode_FromId itself), it cannot fail (rule `cannot-fail ... after`),
 * as in _cursesmodule.c's update_lines_cols. The twin
 * memoized_id_nofail_bug.c uses another identifier, or one whose call
 * failed. */
#include <Python.h>

static PyObject *ModDict;

static int
publish(PyObject *m, long v)
{
    _Py_IDENTIFIER(LINES);
    PyObject *o = PyLong_FromLong(v);
    if (!o)
        return 0;
    if (_PyObject_SetAttrId(m, &PyId_LINES, o)) {
        Py_DECREF(o);
        return 0;
    }
    /* PyId_LINES is interned now */
    if (PyDict_SetItem(ModDict, _PyUnicode_FromId(&PyId_LINES), o)) {
        Py_DECREF(o);
        return 0;
    }
    Py_DECREF(o);
    return 1;
}

static int
lookup_then_name(PyObject *m)
{
    _Py_IDENTIFIER(COLS);
    PyObject *v;
    int r = _PyObject_LookupAttrId(m, &PyId_COLS, &v);
    if (r < 0)
        return -1;
    Py_XDECREF(v);
    PyObject *name = _PyUnicode_FromId(&PyId_COLS);
    return (int)PyUnicode_GetLength(name);
}

static Py_ssize_t
twice(void)
{
    _Py_IDENTIFIER(name);
    PyObject *first = _PyUnicode_FromId(&PyId_name);
    if (first == NULL)
        return -1;
    PyObject *again = _PyUnicode_FromId(&PyId_name);
    return PyUnicode_GetLength(again);
}
