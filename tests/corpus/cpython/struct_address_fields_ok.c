/* A local struct whose address goes to a function refflow has no rule for
 * (_hashopenssl.c hashlib_md_meth_names: EVP_MD_do_all(cb, &state), whose
 * callback adds to state.set): the callee reaches the references only the
 * struct's fields hold, and may take them; they are handed over, not
 * leaked. Reading the field afterwards gives what the callee left there. */
#include <Python.h>

typedef struct {
    PyObject *set;
    int error;
} mapper_state;

extern void for_each_name(void (*cb)(const char *, void *), void *arg);

static void
add_name(const char *name, void *arg)
{
    mapper_state *st = arg;
    PyObject *s = PyUnicode_FromString(name);
    if (s == NULL || PySet_Add(st->set, s) < 0)
        st->error = 1;
    Py_XDECREF(s);
}

static PyObject *
names(PyObject *self, PyObject *noargs)
{
    mapper_state state = {.set = PySet_New(NULL), .error = 0};
    if (state.set == NULL)
        return NULL;
    for_each_name(add_name, &state);
    if (state.error) {
        Py_DECREF(state.set);
        return NULL;
    }
    return state.set;
}

static PyMethodDef saf_methods[] = {
    {"names", names, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef saf_module = {PyModuleDef_HEAD_INIT, "saf", NULL, -1, saf_methods};

PyMODINIT_FUNC PyInit_saf(void) { return PyModule_Create(&saf_module); }
