/* A file that does not fully parse: a missing include and an undeclared
 * identifier. The functions are still lowered, marked incomplete, and each
 * error is printed as a warning. */
#include "mini.h"
#include "no_such_header.h"

PyObject *broken(long v) {
    PyObject *x = PyLong_FromLong(v);
    if (x == NULL)
        return NULL;
    undeclared_function(x);
    y = 3;
    return x;
}

void fine(void) {
}
