/* cycle-untraced: the module of the _ok twin, but it holds a reference to
 * its definition (Py_NewRef when stored, Py_XDECREF in the dealloc): the
 * definition's dict may hold the module (Def.copy -> Mod.def -> Def), and
 * the definition's type is not GC-tracked. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct DefObject { // expect: cycle-untraced
    PyObject_HEAD
    PyObject *copy;
    void (*free_fn)(PyObject *);
} DefObject;

typedef struct {
    PyObject_HEAD
    PyObject *dict;
    DefObject *def;
} ModObject;

/* Elsewhere: it cannot reach the module, it is given no pointer. */
void note_teardown(int verbose);

static int mod_traverse(ModObject *m, visitproc visit, void *arg)
{
    Py_VISIT(m->dict);
    return 0;
}

static void mod_dealloc(ModObject *m)
{
    PyObject_GC_UnTrack(m);
    note_teardown(1);
    if (m->def && m->def->free_fn)
        m->def->free_fn((PyObject *)m);
    Py_XDECREF(m->dict);
    Py_XDECREF(m->def);
    Py_TYPE(m)->tp_free((PyObject *)m);
}

static PyTypeObject Def_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "demo.Def",
    .tp_basicsize = sizeof(DefObject),
};

static PyTypeObject Mod_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "demo.Mod",
    .tp_basicsize = sizeof(ModObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_dealloc = (destructor)mod_dealloc,
    .tp_traverse = (traverseproc)mod_traverse,
};

PyObject *mod_new(DefObject *def)
{
    ModObject *m = PyObject_GC_New(ModObject, &Mod_Type);
    if (m == NULL)
        return NULL;
    m->dict = PyDict_New();
    m->def = (DefObject *)Py_NewRef(def);
    if (m->dict == NULL) {
        Py_DECREF(m);
        return NULL;
    }
    PyObject_GC_Track(m);
    return (PyObject *)m;
}

int add_def_type(PyObject *module)
{
    return PyModule_AddType(module, &Def_Type);
}
