/* The twin of tagged_pointer_ok.c: share_text_unpaid (extern, so its
 * parameter is borrowed) hands the setter a reference it never took. */
#include <Python.h>
#include <stdint.h>

#define JOIN_GET(p) ((uintptr_t) (p) & 1)
#define JOIN_SET(p, flag) ((void*) ((uintptr_t) (JOIN_OBJ(p)) | (flag)))
#define JOIN_OBJ(p) ((PyObject*) ((uintptr_t) (p) & ~(uintptr_t)1))

typedef struct { PyObject_HEAD PyObject *text; } Element;

static void
set_joined(PyObject **p, PyObject *new_joined)
{
    PyObject *tmp = JOIN_OBJ(*p);
    *p = new_joined;
    Py_DECREF(tmp);
}

static int
copy_text(Element *dst, Element *src)
{
    PyObject *text = PyObject_Str(JOIN_OBJ(src->text));
    if (text == NULL)
        return -1;
    set_joined(&dst->text, JOIN_SET(text, JOIN_GET(src->text)));
    return 0;
}

static void
share_text(Element *dst, PyObject *text)
{
    Py_INCREF(JOIN_OBJ(text));
    set_joined(&dst->text, text);
}

void
share_text_unpaid(Element *dst, PyObject *text)
{
    set_joined(&dst->text, JOIN_SET(text, 1)); // expect: over-release
}
