/* _PyObject_LookupAttr(v, name, &r) (and _PyObject_LookupAttrId) returns -1
 * with r = NULL on error, 0 with r = NULL when the attribute is missing, and
 * 1 with a new reference in r (Objects/object.c:938). Callers test the
 * result, or ignore it and test r (_pickle.c get_deep_attribute, where r
 * first holds the parent the loop still owns).
 * BUG: the method found is never released. */
#include <Python.h>

_Py_IDENTIFIER(__len__);

static PyObject *
deep_attr(PyObject *obj, PyObject *names)
{
    PyObject *parent = NULL;
    if (!PyList_Check(names))
        return NULL;
    Py_INCREF(obj);
    Py_ssize_t n = PyList_GET_SIZE(names);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *name = PyList_GET_ITEM(names, i);
        Py_XDECREF(parent);
        parent = obj;
        (void)_PyObject_LookupAttr(parent, name, &obj);
        if (obj == NULL) {
            Py_DECREF(parent);
            return NULL;
        }
    }
    Py_XDECREF(parent);
    return obj;
}

static PyObject *
call_len(PyObject *self, PyObject *obj)
{
    PyObject *meth;
    int r = _PyObject_LookupAttrId(obj, &PyId___len__, &meth);
    if (r < 0)
        return NULL;
    if (r == 0)
        Py_RETURN_NONE;
    PyObject *res = PyObject_CallNoArgs(meth);
    return res;  // expect: leak
}

static PyObject *
deep_attr_meth(PyObject *self, PyObject *args)
{
    PyObject *obj, *names;
    if (!PyArg_ParseTuple(args, "OO", &obj, &names))
        return NULL;
    return deep_attr(obj, names);
}

static PyMethodDef lat_methods[] = {
    {"deep_attr", deep_attr_meth, METH_VARARGS, NULL},
    {"call_len", call_len, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef lat_module = {PyModuleDef_HEAD_INIT, "lat", NULL, -1, lat_methods};

PyMODINIT_FUNC PyInit_lat(void) { return PyModule_Create(&lat_module); }
