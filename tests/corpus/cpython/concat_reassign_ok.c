/* s = PyUnicode_Concat(s, part) overwrites the only pointer to the old
 * string: the old one must be released (keep the result in a temporary).
 * Correct twin of concat_reassign_bug.c: same code with the bug fixed.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
str_join_all(PyObject *self, PyObject *parts)
{
    Py_ssize_t n = PyList_Size(parts);
    if (n < 0)
        return NULL;
    PyObject *s = PyUnicode_FromString("");
    if (s == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *t = PyUnicode_Concat(s, PyList_GET_ITEM(parts, i));
        Py_DECREF(s);
        if (t == NULL)
            return NULL;
        s = t;
    }
    return s;
}

static PyMethodDef str_methods[] = {
    {"join_all", str_join_all, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef str_module = {PyModuleDef_HEAD_INIT, "str", NULL, -1, str_methods};

PyMODINIT_FUNC PyInit_str(void) { return PyModule_Create(&str_module); }
