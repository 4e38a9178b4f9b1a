#include <Python.h>
typedef struct { PyObject_HEAD PyObject *this_; PyObject *last; PyObject *stack; } TBObj;
int tb_init(TBObj *t)           /* correct: both fields released and cleared */
{
    Py_INCREF(Py_None);
    t->this_ = Py_None;
    Py_INCREF(Py_None);
    t->last = Py_None;
    t->stack = PyList_New(20);
    if (!t->stack) {
        Py_DECREF(t->this_);
        Py_DECREF(t->last);
        t->this_ = NULL;
        t->last = NULL;
        return -1;
    }
    return 0;
}
