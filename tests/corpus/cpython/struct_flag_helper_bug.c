/* struct_flag_helper_ok.c with a separator the function makes and keeps in
 * the struct but never releases: a reference of the function's own in a
 * field of the struct is still tracked through the loop.
 * And a reviewer's case: a struct whose address is given once, before a
 * loop that passes it to no call, keeps its fields through the loop.
 * BUG: the separator leaks on the success return; a borrowed parameter
 * is released through the struct's field. */
#include <Python.h>

struct formatter {
    PyObject *args;
    int args_owned;
    Py_ssize_t argidx, fmtcnt;
    PyObject *sep;
    _PyUnicodeWriter writer;
};

static int
format_arg(struct formatter *ctx)
{
    if (ctx->argidx == 3) {
        PyObject *v = PyObject_GetItem(ctx->args, Py_None);
        if (v == NULL)
            return -1;
        ctx->args = v;
        ctx->args_owned = 1;
    }
    ctx->argidx++;
    return 0;
}

PyObject *
format_all(PyObject *format, PyObject *args)
{
    struct formatter ctx;
    ctx.fmtcnt = PyUnicode_GET_LENGTH(format);
    _PyUnicodeWriter_Init(&ctx.writer);
    ctx.args_owned = 0;
    ctx.argidx = 0;
    ctx.args = args;
    ctx.sep = PyUnicode_FromString(",");
    if (ctx.sep == NULL)
        return NULL;
    while (--ctx.fmtcnt >= 0) {
        if (ctx.fmtcnt % 2) {
            if (_PyUnicodeWriter_WriteSubstring(&ctx.writer, format, 0, 1) < 0)
                goto onError;
        } else {
            if (format_arg(&ctx) < 0)
                goto onError;
        }
    }
    if (ctx.args_owned)
        Py_DECREF(ctx.args);
    return _PyUnicodeWriter_Finish(&ctx.writer);  // expect: leak
onError:
    Py_DECREF(ctx.sep);
    _PyUnicodeWriter_Dealloc(&ctx.writer);
    if (ctx.args_owned)
        Py_DECREF(ctx.args);
    return NULL;
}

struct pair {
    PyObject *a;
    Py_ssize_t n;
};

extern void init_pair(struct pair *p);

PyObject *
loop_keeps_fields(PyObject *self, PyObject *x)
{
    struct pair p;
    init_pair(&p);
    p.a = x;
    for (Py_ssize_t i = 0; i < p.n; i++)
        p.n--;
    Py_DECREF(p.a);  // expect: over-release
    Py_RETURN_NONE;
}
