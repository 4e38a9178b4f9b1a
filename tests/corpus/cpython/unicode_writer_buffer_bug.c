/* unicode_writer_buffer_ok.c releasing the string after handing it to the
 * writer, which owns it and releases it again.
 * BUG: an over-release of the writer's buffer. */
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
    Py_DECREF(u);  // expect: over-release
    _PyUnicodeWriter_Dealloc(&writer);
    return NULL;
}
