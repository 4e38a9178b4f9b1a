/* mini.h: a tiny CPython-like API for the ir-dump golden cases (no real
 * headers: the cases must not depend on what is installed). */
#ifndef MINI_H
#define MINI_H
#define NULL ((void *)0)
typedef long Py_ssize_t;
typedef struct _typeobject PyTypeObject;
typedef struct _object {
    Py_ssize_t ob_refcnt;
    PyTypeObject *ob_type;
} PyObject;
typedef struct {
    PyObject ob_base;
    Py_ssize_t ob_size;
} PyVarObject;
#define PyObject_VAR_HEAD PyVarObject ob_base;
typedef struct {
    PyObject_VAR_HEAD
    PyObject **ob_item;
    Py_ssize_t allocated;
} PyListObject;
struct _typeobject {
    PyVarObject ob_base;
    const char *tp_name;
    void (*tp_free)(void *);
};

__attribute__((annotate("refflow:ret=new?"))) PyObject *PyLong_FromLong(long v);
PyObject *PyList_New(Py_ssize_t n);
int PyList_Append(PyObject *l, PyObject *item);
__attribute__((annotate("refflow:arg3=steal"))) int PyList_SetItem(PyObject *l, Py_ssize_t i, PyObject *item);
PyObject *PyList_GetItem(PyObject *l, Py_ssize_t i);
PyObject *Py_BuildValue(const char *fmt, ...);
int PyArg_ParseTuple(PyObject *args, const char *fmt, ...);
void PyErr_SetString(PyObject *type, const char *msg);
void _Py_Dealloc(PyObject *op);
extern PyObject _Py_NoneStruct;
extern PyObject *PyExc_TypeError;
#define Py_None (&_Py_NoneStruct)

static inline void Py_INCREF(PyObject *op) { op->ob_refcnt++; }
static inline void Py_DECREF(PyObject *op) {
    if (--op->ob_refcnt == 0)
        _Py_Dealloc(op);
}
static inline void Py_XDECREF(PyObject *op) {
    if (op != NULL)
        Py_DECREF(op);
}
#define _PyObject_CAST(op) ((PyObject *)(op))
#define Py_INCREF(op) Py_INCREF(_PyObject_CAST(op))
#define Py_DECREF(op) Py_DECREF(_PyObject_CAST(op))
#define Py_XDECREF(op) Py_XDECREF(_PyObject_CAST(op))
#define Py_CLEAR(op)                                    \
    do {                                                \
        PyObject *_py_tmp = _PyObject_CAST(op);         \
        if (_py_tmp != NULL) {                          \
            (op) = NULL;                                \
            Py_DECREF(_py_tmp);                         \
        }                                               \
    } while (0)
#define Py_TYPE(ob) (_PyObject_CAST(ob)->ob_type)
#endif
