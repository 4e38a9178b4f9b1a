/* test_rules_cpython.c: spot checks of the built-in cpython rule set (the
 * embedded copy of rules/cpython.rules): the entries the corpus and the
 * engine rely on most. */
#include "rules.h"
#include "test_util.h"

static const rule_fn *get(const rule_set *rs, const char *name) {
    const rule_fn *r = rules_lookup(rs, name);
    if (!r) {
        fprintf(stderr, "no rule for %s\n", name);
        test_failures++;
    }
    return r;
}

static bool arg_is(const rule_fn *r, int i, rule_arg a, bool nullable) {
    return r && i < r->nparams && r->params[i].effect == a && r->params[i].nullable == nullable;
}

static void test_spots(const rule_set *rs) {
    const rule_fn *r = get(rs, "PyList_GetItem");
    CHECK(r && r->ret == RULE_RET_BORROWED_OR_NULL && arg_is(r, 0, RULE_ARG_BORROW, false));
    r = get(rs, "PyList_SetItem");
    CHECK(r && r->ret == RULE_RET_STATUS && arg_is(r, 2, RULE_ARG_STEAL, true));
    r = get(rs, "PyTuple_SET_ITEM");
    CHECK(arg_is(r, 2, RULE_ARG_STEAL, true) && r->trusted);
    r = get(rs, "PyModule_AddObject");
    CHECK(r && r->ret == RULE_RET_STATUS && arg_is(r, 2, RULE_ARG_STEAL_ON_SUCCESS, true));
    CHECK(rules_is_error_check(rs, "PyErr_Occurred"));
    r = get(rs, "Py_BuildValue");
    CHECK(r && r->ret == RULE_RET_NEW_OR_NULL && r->varargs == RULE_VA_BUILD && r->format_index == 0);
    r = get(rs, "PyArg_ParseTuple");
    CHECK(r && r->ret == RULE_RET_TRUTH && r->varargs == RULE_VA_PARSE && r->format_index == 1);
    r = get(rs, "PyArg_UnpackTuple");
    CHECK(r && r->varargs == RULE_VA_PARSE && r->format_index == -1);
    r = get(rs, "Py_DECREF");
    CHECK(r && r->nparams == 1 && arg_is(r, 0, RULE_ARG_DECREF, false) && r->trusted);
    r = get(rs, "Py_XDECREF");
    CHECK(arg_is(r, 0, RULE_ARG_DECREF, true));
    r = get(rs, "Py_INCREF");
    CHECK(arg_is(r, 0, RULE_ARG_INCREF, false));
    r = get(rs, "_Py_NewRef"); /* returns its argument, incref'd */
    CHECK(r && r->ret == RULE_RET_ARG && r->ret_arg == 0 && arg_is(r, 0, RULE_ARG_INCREF, false));
    r = get(rs, "_Py_NewReference"); /* a free list's entry comes back to life */
    CHECK(r && r->ret == RULE_RET_VALUE && arg_is(r, 0, RULE_ARG_REVIVE, false));
    r = get(rs, "PyErr_Fetch");
    CHECK(arg_is(r, 0, RULE_ARG_OUT_NEW, false) && arg_is(r, 2, RULE_ARG_OUT_NEW, false));
    r = get(rs, "PyErr_Restore");
    CHECK(arg_is(r, 0, RULE_ARG_STEAL, true) && arg_is(r, 2, RULE_ARG_STEAL, true));
    r = get(rs, "PyDict_Next");
    CHECK(r && r->ret == RULE_RET_TRUTH && arg_is(r, 2, RULE_ARG_OUT_BORROWED, false));
    r = get(rs, "PyDict_GetItem");
    CHECK(r && r->ret == RULE_RET_BORROWED_OR_NULL);
    r = get(rs, "PyLong_FromLong");
    CHECK(r && r->ret == RULE_RET_NEW_OR_NULL && arg_is(r, 0, RULE_ARG_IGNORE, false));
    r = get(rs, "PyList_Append");
    CHECK(r && r->ret == RULE_RET_STATUS && arg_is(r, 1, RULE_ARG_KEEP, false));
    r = get(rs, "Py_FatalError");
    CHECK(r && r->ret == RULE_RET_NORETURN);
    r = get(rs, "PyErr_SetString");
    CHECK(arg_is(r, 0, RULE_ARG_KEEP, false) && arg_is(r, 1, RULE_ARG_IGNORE, false));
    CHECK(rules_lookup(rs, "Py_CLEAR") == NULL && rules_lookup(rs, "PyTuple_GET_ITEM") == NULL);
    CHECK(rules_is_object_type(rs, "PyObject") && rules_is_object_type(rs, "_object"));
    CHECK(rules_is_refcount_field(rs, "ob_refcnt"));
    /* Every line says where it comes from. */
    for (int i = 0; i < rules_count(rs); i++) {
        const rule_fn *f = rules_at(rs, i);
        if (!f->source || (strncmp(f->source, "refcounts.dat:", 14) != 0 &&
                           strncmp(f->source, "cpython_extra.txt:", 18) != 0)) {
            fprintf(stderr, "%s: bad source '%s'\n", f->name, f->source ? f->source : "");
            test_failures++;
        }
    }
}

int main(void) {
    char err[512];
    rule_set *rs = rules_new();
    if (!rules_load_builtin(rs, "cpython", err, sizeof err)) {
        fprintf(stderr, "%s\n", err);
        return 1;
    }
    test_spots(rs);
    rules_free(rs);
    TEST_EXIT();
}
