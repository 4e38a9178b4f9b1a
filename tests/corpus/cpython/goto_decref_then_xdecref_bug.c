/* A temporary released early on the main path is released again by the
 * shared exit's Py_XDECREF unless the early release also forgets the
 * pointer: Py_CLEAR does both.
 * BUG: Py_DECREF(r) leaves 'r' pointing at the released object, so the
 * exit releases (and touches) it a second time.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
tag_wrap(PyObject *self, PyObject *args)
{
    PyObject *obj, *tag;
    PyObject *r = NULL, *s = NULL, *result = NULL;
    if (!PyArg_ParseTuple(args, "OO", &obj, &tag))
        return NULL;
    r = PyObject_Repr(obj);
    if (r == NULL)
        goto done;
    s = PyUnicode_Concat(tag, r);
    Py_DECREF(r);  /* no longer needed */
    if (s == NULL)
        goto done;
    result = PyUnicode_Concat(s, tag);
done:
    Py_XDECREF(r);  // expect: over-release, use-after-release
    Py_XDECREF(s);
    return result;
}

static PyMethodDef tag_methods[] = {
    {"wrap", tag_wrap, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef tag_module = {PyModuleDef_HEAD_INIT, "tag", NULL, -1, tag_methods};

PyMODINIT_FUNC PyInit_tag(void) { return PyModule_Create(&tag_module); }
