/* A helper that returns its argument unchanged or releases it and reuses
 * the variable for the new result (_datetimemodule.c append_keyword_fold):
 * the overwritten parameter was released first, so the helper takes its
 * argument over and `result = append_fold(result, fold)` loses nothing. */
#include <Python.h>

static PyObject *
append_fold(PyObject *repr, int fold)
{
    PyObject *temp;
    if (fold == 0)
        return repr;
    temp = PyUnicode_Substring(repr, 0, PyUnicode_GET_LENGTH(repr) - 1);
    Py_DECREF(repr);
    if (temp == NULL)
        return NULL;
    repr = PyUnicode_FromFormat("%U, fold=%d)", temp, fold);
    Py_DECREF(temp);
    return repr;
}

PyObject *
time_repr(int hour, int fold)
{
    PyObject *result = PyUnicode_FromFormat("time(%d)", hour);
    if (result != NULL && fold)
        result = append_fold(result, fold);
    return result;
}
