/* scratch_struct_local_release_ok.c releasing the replacement twice on
 * the failure path: taking it back from the description struct gives the
 * function one reference, not two.
 * BUG: an over-release of the replacement. */
#include <Python.h>

struct maker_desc {
    PyObject *name;
    PyObject *table;
};

static PyObject *
compact_table(PyObject *table)
{
    return PyBytes_FromStringAndSize(PyBytes_AS_STRING(table), PyBytes_GET_SIZE(table) / 2);
}
extern int debug_ranges(void);

typedef struct {
    PyObject_HEAD
    PyObject *name;
    PyObject *table;
} made;

static PyTypeObject made_type;

PyObject *
make_from_desc(struct maker_desc *desc)
{
    PyObject *replacement = NULL;
    if (!debug_ranges()) {
        replacement = compact_table(desc->table);
        if (replacement == NULL)
            return NULL;
        desc->table = replacement;
    }
    made *m = PyObject_New(made, &made_type);
    if (m == NULL) {
        Py_XDECREF(replacement);
        Py_XDECREF(replacement);  // expect: over-release, use-after-release
        return NULL;
    }
    m->name = Py_NewRef(desc->name);
    m->table = Py_NewRef(desc->table);
    Py_XDECREF(replacement);
    return (PyObject *)m;
}
