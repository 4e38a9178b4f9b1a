/* field_not_released_ok.c, but the field stored into is one the type's
 * dealloc releases (its comment says "weak", as _ssl.c's PySSLSocket.ctx
 * does, yet the dealloc owns it: the dealloc decides).
 * BUG: the function releases the reference the field now holds. */
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *registry;     /* weak link to the registry */
    PyObject *name;
} DummyObject;

static void
dummy_dealloc(DummyObject *self)
{
    Py_XDECREF(self->registry);
    Py_XDECREF(self->name);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyTypeObject Dummy_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "fnrb.Dummy",
    .tp_basicsize = sizeof(DummyObject),
    .tp_dealloc = (destructor)dummy_dealloc,
};

static PyObject *all_registries;

static PyObject *
attach(PyObject *self, PyObject *key)
{
    DummyObject *d = PyObject_New(DummyObject, &Dummy_Type);
    if (d == NULL)
        return NULL;
    d->name = NULL;
    PyObject *reg = PyDict_New();
    if (reg == NULL) {
        Py_DECREF(d);
        return NULL;
    }
    d->registry = reg;
    if (PyDict_SetItem(all_registries, key, reg) < 0) {
        Py_DECREF(d);
        return NULL;
    }
    Py_DECREF(reg);  // expect: over-release
    return (PyObject *)d;
}

static PyMethodDef fnrb_methods[] = {
    {"attach", attach, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef fnrb_module = {PyModuleDef_HEAD_INIT, "fnrb", NULL, -1, fnrb_methods};

PyMODINIT_FUNC PyInit_fnrb(void) { return PyModule_Create(&fnrb_module); }
