/* PyModuleDef_Init(&def) returns the static def itself (moduleobject.c:42):
 * not a reference anyone owns or releases. A multi-phase PyInit returns it,
 * and code that only wants the def initialized ignores the result
 * (moduleobject.c _PyModule_CreateInitialized, PyModule_FromDefAndSpec2). */
#include <Python.h>

static int
mdu_exec(PyObject *m)
{
    return PyModule_AddIntConstant(m, "answer", 42);
}

static PyModuleDef_Slot mdu_slots[] = {
    {Py_mod_exec, mdu_exec},
    {0, NULL},
};

static struct PyModuleDef mdu_def = {PyModuleDef_HEAD_INIT, "mdu", NULL, 0, NULL, mdu_slots};

static PyObject *
mdu_fresh(PyObject *self, PyObject *spec)
{
    PyModuleDef_Init(&mdu_def);
    PyObject *m = PyModule_FromDefAndSpec(&mdu_def, spec);
    if (m == NULL)
        return NULL;
    if (PyModule_ExecDef(m, &mdu_def) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}

static PyMethodDef mdu_methods[] = {
    {"fresh", mdu_fresh, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

PyMODINIT_FUNC PyInit_mdu(void)
{
    mdu_def.m_methods = mdu_methods;
    return PyModuleDef_Init(&mdu_def);
}
