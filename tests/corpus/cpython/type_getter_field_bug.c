/* A getter of an object type: the object keeps its own reference in the
 * field, so the getter hands out a new one (Py_NewRef).
 * BUG: the getter returns the field's reference without adding one.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *label;  /* str, or NULL */
} TagObject;

static void
Tag_dealloc(TagObject *self)
{
    Py_CLEAR(self->label);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyObject *
Tag_get_label(TagObject *self, void *closure)
{
    if (self->label == NULL)
        Py_RETURN_NONE;
    return self->label;  // expect: borrowed-return
}

static PyGetSetDef Tag_getset[] = {
    {"label", (getter)Tag_get_label, NULL, "the tag's label", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject TagType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "tags.Tag",
    .tp_basicsize = sizeof(TagObject),
    .tp_dealloc = (destructor)Tag_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_getset = Tag_getset,
    .tp_new = PyType_GenericNew,
};
