/* A free list pop (dictobject.c new_dict): `free_list[--numfree]` takes the
 * object out of the list, so the constructor returns it as new. The
 * iterator in type_iternext_field_bug.c reads its slot before advancing its
 * index and stays a borrowed read. */
#include <Python.h>

#define MAXFREE 8

typedef struct {
    int numfree;
    PyObject *free_list[MAXFREE];
} freelist_state;

static PyObject *
reuse_or_new(freelist_state *state)
{
    if (state->numfree)
        return state->free_list[--state->numfree];
    return PyDict_New();
}
