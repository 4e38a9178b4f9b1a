/* The Unicode writer owns the buffer it is started with
 * (_PyUnicodeWriter_InitWithBuffer, Objects/unicodeobject.c:13800:
 * `writer->buffer = buffer`): PyUnicode_DecodeASCII hands its new string to
 * the writer, which returns it from _PyUnicodeWriter_Finish or releases it
 * in _PyUnicodeWriter_Dealloc (Objects/unicodeobject.c:7306-7382). */
#include <Python.h>
#include <string.h>

static void
_PyUnicodeWriter_InitWithBuffer(_PyUnicodeWriter *writer, PyObject *buffer)
{
    memset(writer, 0, sizeof(*writer));
    writer->buffer = buffer;
    writer->size = PyUnicode_GET_LENGTH(buffer);
}

PyObject *
decode_plain(const char *s, Py_ssize_t size)
{
    PyObject *u = PyUnicode_New(size, 127);
    if (u == NULL)
        return NULL;
    Py_ssize_t pos = 0;
    while (pos < size && (unsigned char)s[pos] < 128)
        pos++;
    if (pos == size)
        return u;
    _PyUnicodeWriter writer;
    _PyUnicodeWriter_InitWithBuffer(&writer, u);
    writer.pos = pos;
    if (_PyUnicodeWriter_WriteChar(&writer, 0xfffd) < 0)
        goto onError;
    return _PyUnicodeWriter_Finish(&writer);
onError:
    _PyUnicodeWriter_Dealloc(&writer);
    return NULL;
}
