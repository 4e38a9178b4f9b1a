/* The twin of helper_release_reassign_ok.c where the helper forgets to
 * release its argument before reusing the variable: it keeps the argument
 * borrowed on that path, so it does not take it over, its early return
 * hands back a borrowed reference, and the caller's overwrite leaks. */
#include <Python.h>

static PyObject *
append_fold(PyObject *repr, int fold)
{
    PyObject *temp;
    if (fold == 0)
        return repr; // expect: borrowed-return
    temp = PyUnicode_Substring(repr, 0, PyUnicode_GET_LENGTH(repr) - 1);
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
        result = append_fold(result, fold); // expect: leak
    return result;
}
