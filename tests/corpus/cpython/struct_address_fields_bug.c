/* A constructor struct whose fields borrow from variables (codeobject.c
 * PyCode_NewEmpty: `struct _PyCodeConstructor con = {.filename =
 * filename_ob, ...}; _PyCode_Validate(&con)`): giving the struct's address
 * to a function does not hand over what the variables still hold.
 * BUG: the validation failure returns without releasing name. */
#include <Python.h>

typedef struct {
    PyObject *name;
    int flags;
} code_ctor;

extern int validate_ctor(code_ctor *con);
extern PyObject *build_from_ctor(code_ctor *con);

static PyObject *
make(PyObject *self, PyObject *noargs)
{
    PyObject *name = PyUnicode_FromString("f");
    if (name == NULL)
        return NULL;
    code_ctor con = {.name = name, .flags = 0};
    if (validate_ctor(&con) < 0)
        return NULL;  // expect: leak
    PyObject *res = build_from_ctor(&con);
    Py_DECREF(name);
    return res;
}

static PyMethodDef safb_methods[] = {
    {"make", make, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef safb_module = {PyModuleDef_HEAD_INIT, "safb", NULL, -1, safb_methods};

PyMODINIT_FUNC PyInit_safb(void) { return PyModule_Create(&safb_module); }
