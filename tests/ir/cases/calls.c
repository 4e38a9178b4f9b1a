/* Calls: unused results (no destination), results as values (temporaries),
 * nested calls, string literal arguments (unescaped), &var out-parameters,
 * &global, NULL and 0 in pointer context, integer constant expressions,
 * noreturn callees (attribute, _Noreturn, C library names), indirect calls,
 * variadic and annotated callees, a function defined in this file. */
#include "mini.h"

void abort(void);
void exit(int);
_Noreturn void die(const char *why);
void fatal(const char *why) __attribute__((noreturn));
static int helper(PyObject *o) { return o != NULL; }
int counter;

PyObject *calls(PyObject *self, PyObject *args) {
    PyObject *a = NULL, *b;
    long v = -1;
    int (*fp)(PyObject *) = helper;
    PyLong_FromLong(1);
    PyList_Append(self, PyLong_FromLong(2));
    if (!PyArg_ParseTuple(args, "O|l:calls\n\t\"x\"", &a, &v))
        return NULL;
    b = Py_BuildValue("(Oi)", a, 1 + 2 * 3);
    PyErr_SetString(PyExc_TypeError, "bad");
    helper(Py_None);
    helper(&_Py_NoneStruct);
    fp(self);
    counter = helper(0);
    self->ob_type->tp_free(self);
    if (v == 0)
        abort();
    if (v == 1)
        exit(1);
    if (v == 2)
        die("two");
    if (v == 3)
        fatal("three");
    return b;
}
