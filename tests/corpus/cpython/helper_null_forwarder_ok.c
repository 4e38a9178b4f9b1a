/* Static helpers that only ever return NULL by forwarding an API that
 * always returns NULL (posixmodule.c posix_error, path_error ->
 * path_object_error): their results hold no reference, so calling them
 * for the exception they set and ignoring the result is correct. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
object_error(PyObject *path)
{
    return PyErr_SetFromErrnoWithFilenameObject(PyExc_OSError, path);
}

static PyObject *
path_error(PyObject *path)
{
    return object_error(path);
}

int
check_stat(PyObject *path, int rc)
{
    if (rc < 0) {
        path_error(path);
        return -1;
    }
    return 0;
}
