/* PyFrame_GetCode returns a new reference that is never NULL (c-api/frame.rst:
 * "The result (frame code) cannot be NULL"; _lsprof.c profiler_callback
 * releases it unchecked). The caller must release it. */
#include <Python.h>

static int
frame_flags(PyFrameObject *frame)
{
    PyCodeObject *code = PyFrame_GetCode(frame);
    int flags = code->co_flags;
    Py_DECREF(code);
    return flags;
}

static PyObject *
caller_flags(PyObject *self, PyObject *noargs)
{
    PyFrameObject *frame = PyEval_GetFrame();
    if (frame == NULL)
        Py_RETURN_NONE;
    return PyLong_FromLong(frame_flags(frame));
}

static PyMethodDef fgc_methods[] = {
    {"caller_flags", caller_flags, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef fgc_module = {PyModuleDef_HEAD_INIT, "fgc", NULL, -1, fgc_methods};

PyMODINIT_FUNC PyInit_fgc(void) { return PyModule_Create(&fgc_module); }
