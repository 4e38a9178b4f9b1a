/* PyType_GetName / PyType_GetQualName of a heap type (one PyType_FromSpec
 * made) cannot fail: typeobject.c's type_name / type_qualname just return a
 * new reference to ht_name / ht_qualname (rule `cannot-fail ... from`). The
 * result is used unchecked, also through a cast and after the type was
 * passed around. The twin heaptype_name_nofail_bug.c asks a static type,
 * whose name is made with PyUnicode_FromString and can fail. */
#include <Python.h>

static PyType_Slot slots[] = {{0, 0}};
static PyType_Spec spec = {"m.T", sizeof(PyObject), 0, Py_TPFLAGS_DEFAULT, slots};

static PyObject *
heap_type_name(PyObject *self, PyObject *unused)
{
    PyObject *type = PyType_FromSpec(&spec);
    if (type == NULL)
        return NULL;
    PyObject *name = PyType_GetName((PyTypeObject *)type);
    Py_ssize_t n = PyUnicode_GetLength(name);
    Py_DECREF(name);
    PyTypeObject *tp = (PyTypeObject *)type;
    PyObject *qual = PyType_GetQualName(tp);
    PyObject *r = PyTuple_Pack(2, qual, type);
    Py_DECREF(qual);
    Py_DECREF(type);
    if (r == NULL || n < 0)
        Py_CLEAR(r);
    return r;
}

static PyObject *
heap_type_with_bases(PyObject *module, PyObject *base)
{
    PyObject *type = PyType_FromModuleAndSpec(module, &spec, base);
    if (type == NULL)
        return NULL;
    PyObject *qual = PyType_GetQualName((PyTypeObject *)type);
    Py_DECREF(type);
    Py_ssize_t n = PyUnicode_GetLength(qual);
    Py_DECREF(qual);
    return PyLong_FromSsize_t(n);
}
