/* stash.c: stash_first hands its item to PyList_SetItem, which steals it:
 * its summary (learned from the body) steals the item. Unannotated and
 * extern, its body is checked against the convention (parameters
 * borrowed), so the steal is reported here too: annotate it
 * RF_STEALS(2) if that is the contract. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

int stash_first(PyObject *list, PyObject *item)
{
    return PyList_SetItem(list, 0, item); // expect: over-release
}
