/* cycle-untraced: a Watcher owns an arbitrary callback (PyObject *); a
 * Subscription owns its Watcher. The callback can be a Subscription of the
 * same Watcher (Watcher.callback -> Subscription.watcher -> Watcher), and
 * Watcher is not GC-tracked (designated PyTypeObject initializer). */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct { // expect: cycle-untraced
    PyObject_HEAD
    PyObject *callback;
} WatcherObject;

typedef struct {
    PyObject_HEAD
    WatcherObject *watcher;
} SubscriptionObject;

static int sub_traverse(SubscriptionObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->watcher);
    return 0;
}

static PyTypeObject Watcher_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "demo.Watcher",
    .tp_basicsize = sizeof(WatcherObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
};

static PyTypeObject Subscription_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "demo.Subscription",
    .tp_basicsize = sizeof(SubscriptionObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)sub_traverse,
};

int add_watcher_types(PyObject *module)
{
    if (PyModule_AddType(module, &Watcher_Type) < 0)
        return -1;
    return PyModule_AddType(module, &Subscription_Type);
}
