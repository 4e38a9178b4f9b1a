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

/* A dealloc that hands its object to a function of this module whose body
 * is elsewhere: that function may release the fields, so they stay owned. */
typedef struct {
    PyObject_HEAD
    PyObject *payload;
} BoxObject;

void fnrb_box_free_fields(BoxObject *self);

static void
box_dealloc(BoxObject *self)
{
    fnrb_box_free_fields(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyTypeObject Box_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "fnrb.Box",
    .tp_basicsize = sizeof(BoxObject),
    .tp_dealloc = (destructor)box_dealloc,
};

static PyObject *
box_new(PyObject *self, PyObject *noargs)
{
    BoxObject *b = PyObject_New(BoxObject, &Box_Type);
    if (b == NULL)
        return NULL;
    PyObject *payload = PyList_New(0);
    if (payload == NULL) {
        Py_DECREF(b);
        return NULL;
    }
    b->payload = payload;
    Py_DECREF(payload);  // expect: over-release
    return (PyObject *)b;
}

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
    {"box_new", box_new, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef fnrb_module = {PyModuleDef_HEAD_INIT, "fnrb", NULL, -1, fnrb_methods};

PyMODINIT_FUNC PyInit_fnrb(void) { return PyModule_Create(&fnrb_module); }
