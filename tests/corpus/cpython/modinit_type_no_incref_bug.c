/* Adding a static type object to a module: the module keeps a reference
 * that PyModule_AddObject steals on success, so the caller must Py_INCREF
 * the (borrowed) type object first and undo it if the call fails.
 * BUG: the borrowed type object is handed to PyModule_AddObject.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    double area;
} ShapeObject;

static PyTypeObject ShapeType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "shapes.Shape",
    .tp_basicsize = sizeof(ShapeObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = PyType_GenericNew,
};

static struct PyModuleDef shapes_module = {PyModuleDef_HEAD_INIT, "shapes", NULL, -1, NULL};

PyMODINIT_FUNC
PyInit_shapes(void)
{
    if (PyType_Ready(&ShapeType) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&shapes_module);
    if (m == NULL)
        return NULL;
    PyObject *type = (PyObject *)&ShapeType;
    if (PyModule_AddObject(m, "Shape", type) < 0) {  // expect: over-release
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
