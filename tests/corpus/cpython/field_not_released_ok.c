/* Fields that hold no reference of their own. A field the type's dealloc
 * never releases (_threadmodule.c's localdummyobject.localdict, "Borrowed
 * reference!") and a field not declared as an object pointer (itertools'
 * `const void *currgrouper`) only point at an object someone else keeps:
 * storing into them hands nothing over, so the function still releases
 * its own reference. */
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *registry;     /* the module's dict keeps it */
    const void *current;    /* the last group handed out */
    PyObject *name;
} DummyObject;

static void
dummy_dealloc(DummyObject *self)
{
    Py_XDECREF(self->name);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyTypeObject Dummy_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "fnr.Dummy",
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
    d->current = reg;
    if (PyDict_SetItem(all_registries, key, reg) < 0) {
        Py_DECREF(reg);
        Py_DECREF(d);
        return NULL;
    }
    Py_DECREF(reg);
    return (PyObject *)d;
}

static PyMethodDef fnr_methods[] = {
    {"attach", attach, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef fnr_module = {PyModuleDef_HEAD_INIT, "fnr", NULL, -1, fnr_methods};

PyMODINIT_FUNC PyInit_fnr(void) { return PyModule_Create(&fnr_module); }
