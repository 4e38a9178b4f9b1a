/* Empty strings, bytes and tuples are preallocated singletons: PyTuple_New(0)
 * (tupleobject.c:72), PyUnicode_New(0, 0) (unicodeobject.c:1369),
 * PyUnicode_FromStringAndSize(s, 0) (unicode_decode_utf8, unicodeobject.c:5099)
 * and PyBytes_FromStringAndSize(s, 0) (bytesobject.c:131) return a new
 * reference to one and cannot fail (accu.c join_list_unicode, abstract.c
 * PyObject_Format use them unchecked). */
#include <Python.h>

static PyObject *
join_all(PyObject *self, PyObject *list)
{
    PyObject *sep = PyUnicode_FromStringAndSize("", 0);
    PyObject *r = PyUnicode_Join(sep, list);
    Py_DECREF(sep);
    return r;
}

static PyObject *
call_empty(PyObject *self, PyObject *callable)
{
    PyObject *args = PyTuple_New(0);
    PyObject *spec = PyUnicode_New(0, 0);
    PyObject *raw = PyBytes_FromStringAndSize(NULL, 0);
    PyObject *r = PyObject_Call(callable, args, NULL);
    Py_DECREF(args);
    Py_DECREF(spec);
    Py_DECREF(raw);
    return r;
}

static PyMethodDef esn_methods[] = {
    {"join_all", join_all, METH_O, NULL},
    {"call_empty", call_empty, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef esn_module = {PyModuleDef_HEAD_INIT, "esn", NULL, -1, esn_methods};

PyMODINIT_FUNC PyInit_esn(void) { return PyModule_Create(&esn_module); }
