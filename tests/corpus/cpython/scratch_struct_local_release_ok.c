/* A constructor's description struct (_PyCode_New's _PyCodeConstructor,
 * Objects/codeobject.c:469-488): its fields borrow from the caller, so a
 * reference the function stores there for the constructor to read stays
 * its own, and it releases it through the local that still holds it. */
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
        return NULL;
    }
    m->name = Py_NewRef(desc->name);
    m->table = Py_NewRef(desc->table);
    Py_XDECREF(replacement);
    return (PyObject *)m;
}
