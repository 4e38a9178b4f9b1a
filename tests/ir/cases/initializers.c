/* Brace initializers: array elements (local arrays: elements are not
 * tracked, stores hand the value away), struct fields by position and by
 * designator (also nested and after a designator), nested lists, scalars in
 * braces, calls inside (their results go straight into the element). */
#include "mini.h"

struct pair { PyObject *first; PyObject *second; int n; struct { int x, y; } pos; };

void initializers(PyObject *a) {
    PyObject *items[3] = {a, PyLong_FromLong(1)};
    struct pair p = {a, PyLong_FromLong(2), 3};
    struct pair q = {.second = a, 7, .pos.y = 1};
    int grid[2][2] = {{1, 2}, {3}};
    int one = {1};
    struct pair r = {0};
    PyObject *vec[] = {[1] = a};
}
