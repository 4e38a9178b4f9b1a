/* Macros: Py_INCREF/Py_DECREF expanding to static inline calls, Py_CLEAR's
 * do { } while (0) seen through (all at the line where the macro is written),
 * old-style macros writing the refcount field directly (IR_REFCNT), also
 * through an embedded header and inside a condition. */
#include "mini.h"

#define OLD_INCREF(o) (((PyObject *)(o))->ob_refcnt++)
#define OLD_DECREF(op)                          \
    if (--((PyObject *)(op))->ob_refcnt != 0)   \
        ;                                       \
    else                                        \
        _Py_Dealloc((PyObject *)(op))
#define BUMP(o) ((o)->ob_refcnt += 1)

typedef struct {
    PyObject ob_base;
    PyObject *first;
} Pair;

void macros(PyObject *x, Pair *p, PyListObject *l) {
    Py_INCREF(x);
    Py_DECREF(x);
    Py_CLEAR(p->first);
    OLD_INCREF(x);
    OLD_DECREF(x);
    BUMP(x);
    x->ob_refcnt -= 1;
    p->ob_base.ob_refcnt++;
    l->ob_base.ob_base.ob_refcnt--;
    (*x).ob_refcnt++;
    x->ob_refcnt += 2;
    OLD_INCREF(l);
    Py_TYPE(x)->tp_name = "t";
}
