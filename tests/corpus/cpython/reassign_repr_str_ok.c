/* Reusing one variable for two new references: the first must be released
 * before the variable is overwritten.
 * Correct twin of reassign_repr_str_bug.c: same code with the bug fixed.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
txt_lengths(PyObject *self, PyObject *arg)
{
    PyObject *s = PyObject_Repr(arg);
    if (s == NULL)
        return NULL;
    Py_ssize_t rlen = PyUnicode_GetLength(s);
    Py_DECREF(s);
    s = PyObject_Str(arg);
    if (s == NULL)
        return NULL;
    Py_ssize_t slen = PyUnicode_GetLength(s);
    Py_DECREF(s);
    return Py_BuildValue("(nn)", rlen, slen);
}

static PyMethodDef txt_methods[] = {
    {"lengths", txt_lengths, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef txt_module = {PyModuleDef_HEAD_INIT, "txt", NULL, -1, txt_methods};

PyMODINIT_FUNC PyInit_txt(void) { return PyModule_Create(&txt_module); }
