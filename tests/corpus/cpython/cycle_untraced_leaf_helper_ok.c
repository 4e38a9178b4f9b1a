/* cycle-untraced: a descriptor's name is a str made by
 * PyUnicode_InternFromString, and its qualified name a str computed by a
 * helper of the file (a local variable set by PyUnicode_FromFormat, or NULL);
 * the member table exposes the name read-only. Neither refers to another
 * object, so the cycle Descr.name -> Bound.descr -> Descr cannot form and
 * the traverse need not visit them (descrobject.c's d_name, d_qualname). */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>

typedef struct {
    PyObject_HEAD
    PyObject *name;
    PyObject *qualname;
    PyObject *owner;
} DescrObject;

typedef struct {
    PyObject_HEAD
    DescrObject *descr;
    PyObject *self;
} BoundObject;

static int descr_traverse(DescrObject *d, visitproc visit, void *arg)
{
    Py_VISIT(d->owner);
    return 0;
}

static int bound_traverse(BoundObject *b, visitproc visit, void *arg)
{
    Py_VISIT(b->descr);
    Py_VISIT(b->self);
    return 0;
}

static PyObject *make_qualname(DescrObject *d)
{
    PyObject *res;
    if (d->name == NULL)
        return NULL;
    res = PyUnicode_FromFormat("demo.%U", d->name);
    return res;
}

PyObject *descr_get_qualname(DescrObject *d, void *closure)
{
    if (d->qualname == NULL)
        d->qualname = make_qualname(d);
    Py_XINCREF(d->qualname);
    return d->qualname;
}

int descr_init(DescrObject *d, PyObject *owner, const char *name)
{
    Py_XINCREF(owner);
    d->owner = owner;
    d->name = PyUnicode_InternFromString(name);
    if (d->name == NULL)
        return -1;
    d->qualname = NULL;
    return 0;
}

static PyMemberDef descr_members[] = {
    {"__name__", T_OBJECT, offsetof(DescrObject, name), READONLY},
    {0},
};

static PyTypeObject Descr_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "demo.Descr",
    .tp_basicsize = sizeof(DescrObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)descr_traverse,
    .tp_members = descr_members,
};

static PyTypeObject Bound_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "demo.Bound",
    .tp_basicsize = sizeof(BoundObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)bound_traverse,
};

int add_descr_types(PyObject *module)
{
    if (PyModule_AddType(module, &Descr_Type) < 0)
        return -1;
    return PyModule_AddType(module, &Bound_Type);
}
