/* A local struct whose address a helper gets inside a loop (PyUnicode_Format,
 * Objects/unicodeobject.c:15225-15296: `ctx.args = args; ...
 * unicode_format_arg(&ctx) ...; if (ctx.args_owned) Py_DECREF(ctx.args);`):
 * the helper may replace ctx.args with a new reference and set the flag
 * that says so; the parameter itself is never released. */
#include <Python.h>

struct formatter {
    PyObject *args;
    int args_owned;
    Py_ssize_t argidx, fmtcnt;
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
    return _PyUnicodeWriter_Finish(&ctx.writer);
onError:
    _PyUnicodeWriter_Dealloc(&ctx.writer);
    if (ctx.args_owned)
        Py_DECREF(ctx.args);
    return NULL;
}
