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

static PyMethodDef collector_methods[] = {
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
