/* A scratch tuple (_testbuffer.c's pack_single and pack_from_list,
 * Modules/_testbuffer.c:300-470): the tuple is filled with the function's
 * own objects and with borrowed items, called through, and every slot is
 * taken back before the tuple goes, either by a loop that increfs each
 * slot before the tuple is released, or by a loop that stores NULL into
 * each slot before the tuple is filled again. The function borrows its
 * item, and keeps (and releases) its own objects after the tuple is gone.
 * Not a give-back (a reviewer's cases): a loop that moves a list's items
 * out one by one (reads the slot, stores NULL, releases the item), and a
 * clearing loop after PyTuple_SetItem already replaced (and released) a
 * slot's first value; a loop copying a parameter's items into a new list,
 * whose increfs are the list's. */
#include <Python.h>

extern Py_ssize_t member_count(PyObject *s);

static int
pack_single(PyObject *item, PyObject *packer)
{
    PyObject *args = NULL, *mview = NULL, *zero = NULL, *x;
    Py_ssize_t i, nmemb;
    int ret = -1;

    nmemb = member_count(packer);
    mview = PyLong_FromLong(1000);
    if (mview == NULL)
        goto out;
    zero = PyLong_FromLong(1001);
    if (zero == NULL)
        goto out;
    args = PyTuple_New(2 + nmemb);
    if (args == NULL)
        goto out;
    /* args[j] are borrowed references from here on */
    PyTuple_SET_ITEM(args, 0, mview);
    PyTuple_SET_ITEM(args, 1, zero);
    if (PyLong_Check(item) && nmemb == 1) {
        PyTuple_SET_ITEM(args, 2, item);
    }
    else if (PyTuple_Check(item) && PyTuple_GET_SIZE(item) == nmemb) {
        for (i = 0; i < nmemb; i++) {
            x = PyTuple_GET_ITEM(item, i);
            PyTuple_SET_ITEM(args, 2 + i, x);
        }
    }
    else {
        PyErr_SetString(PyExc_ValueError, "mismatch");
        goto args_out;
    }
    x = PyObject_CallObject(packer, args);
    if (x != NULL) {
        Py_DECREF(x);
        ret = 0;
    }
args_out:
    for (i = 0; i < 2 + nmemb; i++)
        Py_XINCREF(PyTuple_GET_ITEM(args, i));
    Py_XDECREF(args);
out:
    Py_XDECREF(zero);
    Py_XDECREF(mview);
    return ret;
}

static int
pack_list(PyObject *obj, PyObject *items, PyObject *packer, Py_ssize_t nmemb)
{
    PyObject *args, *offset = NULL, *item, *tmp;
    Py_ssize_t nitems = PyList_GET_SIZE(items), i, j;
    int ret = 0;

    args = PyTuple_New(2 + nmemb);
    if (args == NULL)
        return -1;
    PyTuple_SET_ITEM(args, 0, obj);
    for (i = 0; i < nitems; i++) {
        PyTuple_SET_ITEM(args, 0, obj); /* the same borrowed reference again */
        for (j = 1; j < 2 + nmemb; j++)
            PyTuple_SET_ITEM(args, j, NULL);
        Py_XDECREF(offset);
        offset = PyLong_FromSsize_t(i);
        if (offset == NULL) {
            ret = -1;
            break;
        }
        PyTuple_SET_ITEM(args, 1, offset);
        item = PyList_GET_ITEM(items, i);
        PyTuple_SET_ITEM(args, 2, item);
        tmp = PyObject_CallObject(packer, args);
        if (tmp == NULL) {
            ret = -1;
            break;
        }
        Py_DECREF(tmp);
    }
    Py_INCREF(obj); /* args[0] */
    /* args[1]: offset, released with the tuple */
    for (i = 2; i < 2 + nmemb; i++) {
        tmp = PyTuple_GET_ITEM(args, i);
        Py_XINCREF(tmp);
    }
    Py_DECREF(args);
    return ret;
}

static PyObject *
move_out_loop(PyObject *callable)
{
    Py_ssize_t i;
    PyObject *list = PyList_New(2);
    if (list == NULL)
        return NULL;
    PyObject *a = PyLong_FromLong(1000);
    if (a == NULL) {
        Py_DECREF(list);
        return NULL;
    }
    PyList_SET_ITEM(list, 0, a);
    PyObject *b = PyLong_FromLong(2000);
    if (b == NULL) {
        Py_DECREF(list);
        return NULL;
    }
    PyList_SET_ITEM(list, 1, b);
    PyObject *res = PyObject_CallOneArg(callable, list);
    for (i = 0; i < 2; i++) {
        PyObject *it = PyList_GET_ITEM(list, i);
        PyList_SET_ITEM(list, i, NULL);
        Py_DECREF(it);
    }
    Py_DECREF(list);
    return res;
}

static PyObject *
setitem_then_clear(PyObject *callable)
{
    Py_ssize_t j;
    PyObject *args = PyTuple_New(1);
    if (args == NULL)
        return NULL;
    PyObject *a = PyLong_FromLong(1000);
    if (a == NULL) {
        Py_DECREF(args);
        return NULL;
    }
    PyTuple_SET_ITEM(args, 0, a);
    PyObject *b = PyLong_FromLong(2000);
    if (b == NULL) {
        Py_DECREF(args);
        return NULL;
    }
    Py_INCREF(b);
    if (PyTuple_SetItem(args, 0, b) < 0) { /* releases a */
        Py_DECREF(b);
        Py_DECREF(args);
        return NULL;
    }
    PyObject *res = PyObject_Call(callable, args, NULL);
    for (j = 0; j < 1; j++)
        PyTuple_SET_ITEM(args, j, NULL);
    Py_DECREF(args);
    Py_DECREF(b);
    Py_DECREF(b);
    return res;
}

PyObject *
tuple_to_list(PyObject *args)
{
    Py_ssize_t i, n = PyTuple_GET_SIZE(args);
    PyObject *list = PyList_New(n);
    if (list == NULL)
        return NULL;
    for (i = 0; i < n; i++) {
        PyObject *item = PyTuple_GET_ITEM(args, i);
        Py_INCREF(item);
        PyList_SET_ITEM(list, i, item);
    }
    return list;
}

static PyObject *
pack(PyObject *self, PyObject *args)
{
    PyObject *item, *items, *packer;
    if (!PyArg_ParseTuple(args, "OO!O", &item, &PyList_Type, &items, &packer))
        return NULL;
    if (pack_single(item, packer) < 0 || pack_list(item, items, packer, 1) < 0)
        return NULL;
    PyObject *r1 = move_out_loop(packer);
    Py_XDECREF(r1);
    PyObject *r2 = setitem_then_clear(packer);
    Py_XDECREF(r2);
    Py_RETURN_NONE;
}

static PyMethodDef stg_methods[] = {
    {"pack", pack, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef stg_module = {PyModuleDef_HEAD_INIT, "stg", NULL, -1, stg_methods};

PyMODINIT_FUNC PyInit_stg(void) { return PyModule_Create(&stg_module); }
