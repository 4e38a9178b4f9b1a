/* Loops: while, do-while, for (all parts, some missing, a declaration in the
 * init), break and continue killing the variables of the scopes they leave,
 * loop heads, and do { } while (0) that is no loop at all. */
#include "mini.h"

int more(void);

void loops(PyObject *list, int n) {
    int i = 0;
    while (i < n) {
        PyObject *item = PyLong_FromLong(i);
        if (item == NULL)
            break;
        if (PyList_Append(list, item) < 0) {
            Py_DECREF(item);
            continue;
        }
        Py_DECREF(item);
        i++;
    }
    do {
        i--;
    } while (i > 0);
    for (int j = 0; j < n; j++) {
        PyObject *o = PyList_GetItem(list, j);
        if (!o)
            continue;
    }
    for (;;) {
        if (more())
            break;
    }
    for (; i; )
        i--;
    for (i = 0; ; i++)
        if (i == 3)
            break;
    do {
        n++;
    } while (0);
}
