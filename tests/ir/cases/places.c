/* Places: locals, globals (and function statics), "." fields of struct
 * values, "->" fields through pointers (USE of the pointer first), nested
 * a->b->c through temporaries, "*p", arrays (local: not heap; through a
 * pointer: heap), &x and &p->f, compound assignment, ++ on fields. */
#include "mini.h"

struct inner { PyObject *obj; int n; };
struct outer { struct inner in; struct inner *pin; PyObject *items[4]; };
struct node { struct node *next; PyObject *value; };

PyObject *global_obj;

void places(struct outer *o, struct node *n, PyObject **out, PyListObject *l) {
    static int calls;
    struct outer local;
    PyObject *arr[2];
    int i = 0;
    calls++;
    local.in.obj = global_obj;
    local.in.n += 2;
    o->in.obj = local.in.obj;
    o->pin->obj = NULL;
    n->next->next->value = n->value;
    *out = arr[i];
    arr[1] = *out;
    o->items[i + 1] = l->ob_item[0];
    l->ob_item[i] = NULL;
    PyList_Append(global_obj, (PyObject *)l);
    PyList_Append((PyObject *)&local, o->items[0]);
    out = &o->in.obj;
    (&local)->in.n = 1;
    *&i = 2;
    i <<= 1;
    o->in.n--;
    global_obj = *out;
}
