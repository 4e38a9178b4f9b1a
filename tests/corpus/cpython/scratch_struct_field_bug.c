/* scratch_struct_field_ok.c, but the field belongs to an object whose
 * dealloc releases it: the reference stored there is the object's.
 * BUG: releasing it through the field leaves the object a dangling
 * pointer, which its dealloc releases again. */
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *sublist;
} CollectorObject;

static void
collector_dealloc(CollectorObject *self)
{
    Py_XDECREF(self->sublist);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyTypeObject Collector_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "ssfb.Collector",
    .tp_basicsize = sizeof(CollectorObject),
    .tp_dealloc = (destructor)collector_dealloc,
};

static PyObject *
refresh(CollectorObject *self, PyObject *key)
{
    self->sublist = PyList_New(0);
    if (self->sublist == NULL)
        return NULL;
    PyObject *info = Py_BuildValue("(OO)", key, self->sublist);
    Py_DECREF(self->sublist);  // expect: over-release
    return info;
}

/* A module's state is a plain struct too, but its fields are the module's:
 * BUG: the cache the state now holds is released, leaving it dangling. */
typedef struct {
    PyObject *cache;
} ssfb_state;

static ssfb_state *get_state(void);

static PyObject *
reset_cache(PyObject *self, PyObject *noargs)
{
    ssfb_state *st = get_state();
    st->cache = PyDict_New();
    if (st->cache == NULL)
        return NULL;
    Py_DECREF(st->cache);  // expect: over-release
    Py_RETURN_NONE;
}

static PyMethodDef collector_methods[] = {
    {"reset_cache", reset_cache, METH_NOARGS, NULL},
    {"refresh", (PyCFunction)refresh, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef ssfb_module = {PyModuleDef_HEAD_INIT, "ssfb", NULL, -1, NULL};

PyMODINIT_FUNC PyInit_ssfb(void)
{
    Collector_Type.tp_methods = collector_methods;
    if (PyType_Ready(&Collector_Type) < 0)
        return NULL;
    return PyModule_Create(&ssfb_module);
}
