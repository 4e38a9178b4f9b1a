/* _PyObject_CallMethodId (renamed _PyObject_CallMethodId_SizeT under
 * PY_SSIZE_T_CLEAN) builds its arguments like Py_BuildValue: "N" takes the
 * caller's reference (_datetimemodule.c datetime_datetime_now_impl:
 * `self = _PyObject_CallMethodId(tz, &PyId_fromutc, "N", self)`). */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

_Py_IDENTIFIER(fromutc);

static PyObject *
stamp_in(PyObject *self, PyObject *tz)
{
    PyObject *stamp = PyLong_FromLong(1700000000);
    if (stamp == NULL)
        return NULL;
    return _PyObject_CallMethodId(tz, &PyId_fromutc, "N", stamp);
}

static PyMethodDef cmn_methods[] = {
    {"stamp_in", stamp_in, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef cmn_module = {PyModuleDef_HEAD_INIT, "cmn", NULL, -1, cmn_methods};

PyMODINIT_FUNC PyInit_cmn(void) { return PyModule_Create(&cmn_module); }
