/* gc_py.c: CPython 3.11's cycle collector as a bench_gc_impl (see gc_impl.h).
 *
 * Assumes Py_Initialize() has run. At first use it defines the shape builders in __main__,
 * disables automatic collection and gc.freeze()s the interpreter's own objects, so a
 * collection sees only the shape (as refflow's collector does). Shapes are made of lists;
 * collections are timed in C around gc.collect() / gc.collect(0).
 */
#include "gc_impl.h"
#include "bench.h"

#include <Python.h>
#include <stdio.h>

static const char prelude[] =
    "import gc\n"
    "def _bench_pairs(n):\n"
    "    for _ in range(n // 2):\n"
    "        a = []; b = [a]; a.append(b)\n"
    "def _bench_ring(n):\n"
    "    first = prev = []\n"
    "    for _ in range(n - 1):\n"
    "        cur = []; prev.append(cur); prev = cur\n"
    "    prev.append(first)\n"
    "def _bench_live(n):\n"
    "    global _bench_keep\n"
    "    _bench_keep = [[] for _ in range(n - 1)]\n"
    "gc.disable(); gc.collect(); gc.freeze()\n";

static PyObject *gc_collect; /* gc.collect, a new reference kept for the run */

static int setup(void)
{
    PyObject *gc;
    if (gc_collect)
        return 0;
    if (PyRun_SimpleString(prelude) != 0)
        return -1;
    gc = PyImport_ImportModule("gc");
    gc_collect = gc ? PyObject_GetAttrString(gc, "collect") : NULL;
    Py_XDECREF(gc);
    return gc_collect ? 0 : -1;
}

static int run(const char *fmt, size_t n)
{
    char code[256];
    snprintf(code, sizeof code, fmt, n);
    return PyRun_SimpleString(code);
}

/* Times gc.collect(generation) (generation < 0: a full gc.collect()). */
static int timed_collect(int generation, uint64_t *ns, long *freed)
{
    PyObject *res, *arg = generation < 0 ? NULL : PyLong_FromLong(generation);
    uint64_t t0 = bench_now_ns();
    res = arg ? PyObject_CallOneArg(gc_collect, arg) : PyObject_CallNoArgs(gc_collect);
    *ns = bench_now_ns() - t0;
    Py_XDECREF(arg);
    if (!res)
        return PyErr_Print(), -1;
    *freed = PyLong_AsLong(res);
    Py_DECREF(res);
    return 0;
}

static int collect_shape(int shape, size_t n, uint64_t *ns, long *freed)
{
    static const char *const build[SHAPE_COUNT] = {
        "_bench_pairs(%zu)", "_bench_ring(%zu)", "_bench_live(%zu)" };
    if (setup() != 0 || run("gc.collect()", 0) != 0 || run(build[shape], n) != 0)
        return -1;
    if (timed_collect(-1, ns, freed) != 0)
        return -1;
    return run("_bench_keep = None; gc.collect()", 0);
}

static int young(size_t n_old, size_t n_young, uint64_t *ns, long *freed)
{
    if (setup() != 0 || run("_bench_live(%zu); gc.collect()", n_old ? n_old : 1) != 0)
        return -1;
    if (n_old == 0 && run("_bench_keep = None; gc.collect()", 0) != 0)
        return -1;
    if (run("_bench_pairs(%zu)", n_young) != 0 || timed_collect(0, ns, freed) != 0)
        return -1;
    return run("_bench_keep = None; gc.collect()", 0);
}

static int build_live(size_t n, int auto_gc, uint64_t *ns)
{
    uint64_t t0;
    int rc;
    if (setup() != 0 || run("_bench_live(%zu); _bench_keep = None; gc.collect()", n) != 0)
        return -1; /* pre-warm, as gc_rf.c does */
    if (auto_gc && run("gc.enable()", 0) != 0)
        return -1;
    t0 = bench_now_ns();
    rc = run("_bench_live(%zu)", n);
    *ns = bench_now_ns() - t0;
    run("gc.disable(); _bench_keep = None; gc.collect()", 0);
    return rc;
}

static const bench_gc_impl cpython = {
    .name = "CPython",
    .object_desc = "list (gc.collect() on lists built in Python code)",
    .collect_shape = collect_shape,
    .young = young,
    .build_live = build_live,
};

const bench_gc_impl *bench_gc_cpython(void)
{
    return &cpython;
}
