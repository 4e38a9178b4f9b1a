/* newref_alias_ok.c with the reference Py_NewRef took on the object kept
 * on the error path: the object is released only when the delete works.
 * BUG: a leak of the object through its other name. */
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *dummies;
} localobject;

static PyObject *
dummy_destroyed(PyObject *localweakref, PyObject *dummyweakref)
{
    PyObject *obj = PyWeakref_GET_OBJECT(localweakref);
    if (obj == Py_None)
        Py_RETURN_NONE;
    localobject *self = (localobject *)Py_NewRef(obj);
    if (self->dummies != NULL) {
        if (PyDict_DelItem(self->dummies, dummyweakref) < 0) {
            PyErr_WriteUnraisable(obj);
            return Py_NewRef(Py_None);  // expect: leak
        }
    }
    Py_DECREF(obj);
    return Py_NewRef(Py_None);
}

static PyObject *
first_or_none(PyObject *self, PyObject *seq)
{
    PyObject *r;
    if (!PyList_Check(seq) || PyList_GET_SIZE(seq) == 0)
        r = Py_NewRef(Py_None);
    else
        r = Py_NewRef(PyList_GET_ITEM(seq, 0));
    return r;
}

static PyMethodDef nra_methods[] = {
    {"first_or_none", first_or_none, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef nra_module = {PyModuleDef_HEAD_INIT, "nra", NULL, -1, nra_methods};

PyMODINIT_FUNC PyInit_nra(void)
{
    PyObject *m = PyModule_Create(&nra_module);
    if (m == NULL)
        return NULL;
    (void)dummy_destroyed;
    return m;
}
