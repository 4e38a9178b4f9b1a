/* A field compared with a borrowed singleton and released through the
 * variable that read it (unicodeobject.c PyUnicode_Append): on the equal
 * side the two are one object, and the structure's reference may be
 * released through either name. */
#include <Python.h>

static PyObject *cached_empty;

static PyObject *get_empty(void) { return cached_empty; }

static void
append_to(PyObject **p_left, PyObject *right)
{
    PyObject *left = *p_left;
    PyObject *empty = get_empty();
    if (left == empty) {
        Py_DECREF(left);
        Py_INCREF(right);
        *p_left = right;
        return;
    }
}
