/* Root cause F: PyState_FindModule(&own_def) inside the module's own code cannot be NULL. */
#include <Python.h>
typedef struct { PyObject *err; } modstate;
static struct PyModuleDef mod = {PyModuleDef_HEAD_INIT, "m", NULL, sizeof(modstate), NULL};
#define STATE ((modstate *)PyModule_GetState(PyState_FindModule(&mod)))
PyObject *raise_it(PyObject *self, PyObject *unused)          /* correct in practice */
{
    modstate *st = STATE;
    PyErr_SetString(st->err, "x");
    return NULL;
}
