/* test_rules_parse.c: the rule-file parser (analyzer/rules_*.c): good lines
 * give the right structures, each kind of bad line gives its file:line
 * message, rules_format round-trips, later rules override earlier ones,
 * annotations, and the built-in sets load. */
#include "rules.h"
#include "test_util.h"

#include <stdlib.h>

static char err[512];

static rule_set *parse_ok(const char *text) {
    rule_set *rs = rules_new();
    err[0] = '\0';
    if (!rules_parse(rs, "t.rules", text, err, sizeof err)) {
        fprintf(stderr, "unexpected parse error: %s\n", err);
        test_failures++;
    }
    return rs;
}

/* Parses a one-line-or-more text that must fail with exactly want. */
static void expect_error(const char *text, const char *want) {
    rule_set *rs = rules_new();
    err[0] = '\0';
    bool ok = rules_parse(rs, "bad.rules", text, err, sizeof err);
    if (ok) {
        fprintf(stderr, "parsed but should fail: %s\n", text);
        test_failures++;
    }
    CHECK_STR(err, want);
    rules_free(rs);
}

static void test_good_lines(void) {
    rule_set *rs = parse_ok(
        "# comment\n"
        "\n"
        "type PyObject\n"
        "refcount-field ob_refcnt   # old macros\n"
        "fn PyList_SetItem status borrow - steal  # source: extra:3\n"
        "fn Py_XDECREF value decref?\n"
        "fn Py_BuildValue new? fmt ...build\n"
        "fn PyArg_ParseTuple truth borrow fmt ...parse\n"
        "fn PyDict_Next truth borrow - out-borrowed out-borrowed out-borrowed\r\n"
        "fn rf_list_new new?\n"
        "fn PyModule_AddObject status borrow - steal-on-success\n"
        "fn PyModule_AddObjectN status borrow - steal-on-success?\n"
        "fn f value borrow? steal? incref? ...\n"
        "trusted Py_XDECREF\n"
        "trusted only_trusted\n"
        "error-check PyErr_Occurred\n"
        "error-clear PyErr_Clear\n"
        "module-state PyModule_GetState\n"
        "fn get_state nonnull borrow\n"
        "fn cast arg2 - borrow\n"
        "fn Py_XNewRef arg1 incref?\n"
        "fn opaque unknown borrow\n"
        "fn PyException_GetCause new-or-null borrow\n"
        "fn _PyObject_LookupAttr lookup borrow borrow out-new\n"
        "cannot-fail PyLong_FromLong arg1 -5 256\n"
        "fn _typeobject.tp_free value free\n"
        "fn Py_SET_TYPE value borrow store\n"
        "fn Py_AddPendingCall status - store-on-success?\n");
    CHECK(rules_count(rs) == 18);
    CHECK(rules_is_module_state(rs, "PyModule_GetState") && !rules_is_module_state(rs, "f"));
    const rule_fn *rnn = rules_lookup(rs, "get_state"); /* a pointer, never NULL */
    CHECK(rnn && rnn->ret == RULE_RET_NONNULL && rnn->params[0].effect == RULE_ARG_BORROW);
    const rule_fn *rso = rules_lookup(rs, "Py_AddPendingCall"); /* stored when it succeeds */
    CHECK(rso && rso->stores == 2u && rso->stores_on_success == 2u && rso->params[1].nullable);
    const rule_fn *rst = rules_lookup(rs, "Py_SET_TYPE"); /* a borrow the callee stores */
    CHECK(rst && rst->params[1].effect == RULE_ARG_BORROW && rst->stores == 2u);
    CHECK(rst && rst->params[0].effect == RULE_ARG_BORROW && !rst->params[1].nullable);
    const rule_fn *rs_slot = rules_lookup(rs, "_typeobject.tp_free"); /* a struct's slot */
    CHECK(rs_slot && rs_slot->nparams == 1 && rs_slot->params[0].effect == RULE_ARG_FREE);
    const rule_cannot_fail *cf = rules_cannot_fail(rs, "PyLong_FromLong");
    CHECK(cf && cf->arg == 0 && cf->lo == -5 && cf->hi == 256);
    CHECK(rules_cannot_fail(rs, "cast") == NULL);
    const rule_fn *ra = rules_lookup(rs, "cast");
    CHECK(ra && ra->ret == RULE_RET_ARG && ra->ret_arg == 1);
    const rule_fn *rx = rules_lookup(rs, "Py_XNewRef"); /* its argument, one reference more */
    CHECK(rx && rx->ret == RULE_RET_ARG && rx->ret_arg == 0);
    CHECK(rx && rx->params[0].effect == RULE_ARG_INCREF && rx->params[0].nullable);
    const rule_fn *ru = rules_lookup(rs, "opaque");
    CHECK(ru && ru->ret == RULE_RET_UNKNOWN);
    const rule_fn *rg = rules_lookup(rs, "PyException_GetCause"); /* NULL: none, no error */
    CHECK(rg && rg->ret == RULE_RET_NEW_OR_ABSENT && !rules_ret_tells_success(rg->ret));
    const rule_fn *rl = rules_lookup(rs, "_PyObject_LookupAttr"); /* -1 / 0 / 1 */
    CHECK(rl && rl->ret == RULE_RET_LOOKUP && rl->params[2].effect == RULE_ARG_OUT_NEW);
    CHECK(rules_is_error_check(rs, "PyErr_Occurred") && !rules_is_error_check(rs, "f"));
    CHECK(rules_is_error_clear(rs, "PyErr_Clear") && !rules_is_error_clear(rs, "PyErr_Occurred"));
    CHECK(rules_is_object_type(rs, "PyObject"));
    CHECK(!rules_is_object_type(rs, "PyLongObject"));
    CHECK(rules_is_refcount_field(rs, "ob_refcnt"));
    const rule_fn *r = rules_lookup(rs, "PyList_SetItem");
    CHECK(r && r->ret == RULE_RET_STATUS && r->nparams == 3);
    CHECK(r && r->params[0].effect == RULE_ARG_BORROW && r->params[1].effect == RULE_ARG_IGNORE);
    CHECK(r && r->params[2].effect == RULE_ARG_STEAL && !r->params[2].nullable);
    CHECK(r && r->line == 5 && strcmp(r->file, "t.rules") == 0);
    CHECK_STR(r ? r->source : NULL, "extra:3");
    CHECK(r && !r->trusted && r->varargs == RULE_VA_NONE && r->format_index == -1);
    r = rules_lookup(rs, "Py_XDECREF");
    CHECK(r && r->params[0].effect == RULE_ARG_DECREF && r->params[0].nullable && r->trusted);
    CHECK(r && r->source == NULL);
    r = rules_lookup(rs, "Py_BuildValue");
    CHECK(r && r->ret == RULE_RET_NEW_OR_NULL && r->varargs == RULE_VA_BUILD && r->format_index == 0);
    r = rules_lookup(rs, "PyArg_ParseTuple");
    CHECK(r && r->ret == RULE_RET_TRUTH && r->varargs == RULE_VA_PARSE && r->format_index == 1);
    r = rules_lookup(rs, "PyDict_Next");
    CHECK(r && r->nparams == 5 && r->params[4].effect == RULE_ARG_OUT_BORROWED);
    r = rules_lookup(rs, "rf_list_new");
    CHECK(r && r->nparams == 0 && r->ret == RULE_RET_NEW_OR_NULL);
    r = rules_lookup(rs, "PyModule_AddObject");
    CHECK(r && r->params[2].effect == RULE_ARG_STEAL_ON_SUCCESS && !r->params[2].nullable);
    r = rules_lookup(rs, "PyModule_AddObjectN");
    CHECK(r && r->params[2].effect == RULE_ARG_STEAL_ON_SUCCESS && r->params[2].nullable);
    r = rules_lookup(rs, "f");
    CHECK(r && r->varargs == RULE_VA_BORROW && r->params[0].nullable && r->params[1].nullable);
    CHECK(r && r->params[2].effect == RULE_ARG_INCREF && r->params[2].nullable);
    CHECK(rules_lookup(rs, "only_trusted") == NULL && rules_is_trusted(rs, "only_trusted"));
    CHECK(rules_lookup(rs, "nope") == NULL && !rules_is_trusted(rs, "nope"));
    CHECK(rules_at(rs, 0) == rules_lookup(rs, "PyList_SetItem") && rules_at(rs, 18) == NULL);
    rules_free(rs);
}

static void test_bad_lines(void) {
    expect_error("fn f nwe borrow\n",
                 "bad.rules:1: unknown return token 'nwe' (expected value, new, new?, borrowed, "
                 "borrowed?, status, truth, noreturn, null, argN, unknown, new-or-null, "
                 "lookup or nonnull)");
    expect_error("\n# c\nfn f new borow\n",
                 "bad.rules:3: unknown argument token 'borow' (expected -, borrow, store, "
                 "store-on-success, keep, steal, steal-on-success, incref, decref, free, "
                 "out-new, out-borrowed, inout-new or fmt)");
    expect_error("fn f value borrow store-on-success\n",
                 "bad.rules:1: 'store-on-success' (argument 2) needs a 'status' or 'truth' "
                 "return, not 'value'");
    expect_error("fn f\n",
                 "bad.rules:1: missing return token after 'fn f' (expected value, new, new?, "
                 "borrowed, borrowed?, status, truth, noreturn, null, argN, unknown, "
                 "new-or-null, lookup or nonnull)");
    expect_error("fn\n", "bad.rules:1: missing NAME after 'fn'");
    expect_error("fn f arg2 borrow\n",
                 "bad.rules:1: 'arg2' returns argument 2, which must be described as 'borrow' or "
                 "'incref'");
    expect_error("fn f arg0 borrow\n",
                 "bad.rules:1: unknown return token 'arg0' (expected value, new, new?, borrowed, "
                 "borrowed?, status, truth, noreturn, null, argN, unknown, new-or-null, "
                 "lookup or nonnull)");
    expect_error("type\n", "bad.rules:1: missing NAME after 'type'");
    expect_error("fn 9f new\n",
                 "bad.rules:1: bad name '9f' after 'fn' (expected a C identifier or STRUCT.FIELD)");
    expect_error("fn a.b.c new\n",
                 "bad.rules:1: bad name 'a.b.c' after 'fn' (expected a C identifier or STRUCT.FIELD)");
    expect_error("fn .tp_free value\n",
                 "bad.rules:1: bad name '.tp_free' after 'fn' (expected a C identifier or STRUCT.FIELD)");
    expect_error("trusted t.f\n", "bad.rules:1: bad name 't.f' after 'trusted' (expected a C identifier)");
    expect_error("type A B\n", "bad.rules:1: unexpected 'B' after 'type A'");
    expect_error("trusted x y\n", "bad.rules:1: unexpected 'y' after 'trusted x'");
    expect_error("module-state\n", "bad.rules:1: missing NAME after 'module-state'");
    expect_error("module-state f arg1\n", "bad.rules:1: unexpected 'arg1' after 'module-state f'");
    expect_error("func f new\n",
                 "bad.rules:1: unknown keyword 'func' (expected fn, type, refcount-field, trusted, "
                 "error-check, error-clear, size-setter, module-state or cannot-fail)");
    expect_error("cannot-fail f arg1 -5\n",
                 "bad.rules:1: 'cannot-fail f' needs argN LO HI, argN from CALL... or argN "
                 "after CALL:argK... (e.g. 'cannot-fail PyLong_FromLong arg1 -5 256')");
    expect_error("cannot-fail f arg0 -5 256\n",
                 "bad.rules:1: bad argument 'arg0' after 'cannot-fail f' (expected arg1..arg32)");
    expect_error("cannot-fail f arg-1 -5 256\n",
                 "bad.rules:1: bad argument 'arg-1' after 'cannot-fail f' (expected arg1..arg32)");
    expect_error("cannot-fail f arg1 -5 x256\n",
                 "bad.rules:1: bad range '-5 x256' after 'cannot-fail f arg1' (expected two "
                 "integers, 'from' or 'after')");
    expect_error("cannot-fail f arg1 frm g\n",
                 "bad.rules:1: bad range 'frm g' after 'cannot-fail f arg1' (expected two "
                 "integers, 'from' or 'after')");
    expect_error("cannot-fail f arg1 9 3\n",
                 "bad.rules:1: empty range 9..3 after 'cannot-fail f arg1'");
    expect_error("cannot-fail 1f arg1 1 3\n",
                 "bad.rules:1: bad name '1f' after 'cannot-fail' (expected a C identifier)");
    expect_error("fn f new ...more\n",
                 "bad.rules:1: unknown varargs token '...more' (expected ..., ...build or ...parse)");
    expect_error("fn f new borrow ... borrow\n",
                 "bad.rules:1: unexpected 'borrow' after the varargs token '...' (it must be last)");
    expect_error("fn f new? borrow ...build\n",
                 "bad.rules:1: '...build' needs a 'fmt' argument token (the format string)");
    expect_error("# x\nfn f truth - fmt ...\n",
                 "bad.rules:2: 'fmt' (argument 2) needs a '...build' or '...parse' varargs token");
    expect_error("fn f new? fmt\n",
                 "bad.rules:1: 'fmt' (argument 1) needs a '...build' or '...parse' varargs token");
    expect_error("fn f new? fmt fmt ...build\n",
                 "bad.rules:1: second 'fmt' token (argument 2); a rule has one format string");
    expect_error("fn f value out-new?\n",
                 "bad.rules:1: 'out-new?': only borrow, store, store-on-success, steal, "
                 "steal-on-success, incref and decref take a '?' suffix");
    expect_error("fn f new borrow steal-on-success\n",
                 "bad.rules:1: 'steal-on-success' (argument 2) needs a 'status', 'truth', 'new?' "
                 "or 'borrowed?' return, not 'new'");
    char big[512] = "fn f value";
    for (int i = 0; i < 33; i++)
        strcat(big, " -");
    expect_error(big, "bad.rules:1: too many argument tokens at '-' (at most 32)");
}

/* "cannot-fail NAME argN from CALL...": the producing calls, numbered once
 * across lines; a later line for NAME replaces the earlier one. */
static void test_cannot_fail_from(void) {
    rule_set *rs = parse_ok("cannot-fail PyType_GetName arg1 from PyType_FromSpec Mk2\n"
                            "cannot-fail PyType_GetQualName arg1 from Mk2 PyType_FromSpec\n"
                            "cannot-fail g arg2 from h\n"
                            "cannot-fail PyLong_FromLong arg1 -5 256\n"
                            "cannot-fail g arg3 from Mk2\n");
    const rule_cannot_fail *cf = rules_cannot_fail(rs, "PyType_GetName");
    CHECK(cf && cf->arg == 0 && cf->nfrom == 2);
    CHECK_STR(cf && cf->nfrom == 2 ? cf->from[1] : NULL, "Mk2");
    int spec = rules_producer(rs, "PyType_FromSpec"), mk2 = rules_producer(rs, "Mk2");
    int h = rules_producer(rs, "h");
    CHECK(spec == 1 && mk2 == 2 && h == 3);
    CHECK(rules_producer(rs, "PyType_GetName") == 0 && rules_producer(rs, "nope") == 0);
    CHECK(cf && rules_cannot_fail_from(rs, cf, spec) && rules_cannot_fail_from(rs, cf, mk2));
    CHECK(cf && !rules_cannot_fail_from(rs, cf, h) && !rules_cannot_fail_from(rs, cf, 0));
    CHECK(cf && !rules_cannot_fail_from(rs, cf, 99));
    const rule_cannot_fail *g = rules_cannot_fail(rs, "g"); /* replaced: arg3 from Mk2 */
    CHECK(g && g->arg == 2 && g->nfrom == 1 && rules_cannot_fail_from(rs, g, mk2));
    CHECK(g && !rules_cannot_fail_from(rs, g, h));
    const rule_cannot_fail *l = rules_cannot_fail(rs, "PyLong_FromLong"); /* the range form */
    CHECK(l && l->nfrom == 0 && l->lo == -5 && l->hi == 256 && !rules_cannot_fail_from(rs, l, h));
    rules_free(rs);
    expect_error("cannot-fail f arg1 from\n",
                 "bad.rules:1: 'cannot-fail f arg1 from' needs at least one call after "
                 "'from' (e.g. 'cannot-fail PyType_GetName arg1 from PyType_FromSpec')");
    expect_error("cannot-fail f arg1 from g 9h\n",
                 "bad.rules:1: bad name '9h' after 'cannot-fail f arg1 from' (expected a C "
                 "identifier)");
    expect_error("cannot-fail f arg1 from a.b\n",
                 "bad.rules:1: bad name 'a.b' after 'cannot-fail f arg1 from' (expected a C "
                 "identifier)");
    expect_error("cannot-fail f arg1 from g h g\n",
                 "bad.rules:1: 'g' named twice after 'cannot-fail f arg1 from'");
    expect_error("cannot-fail f arg0 from g\n",
                 "bad.rules:1: bad argument 'arg0' after 'cannot-fail f' (expected arg1..arg32)");
    expect_error("cannot-fail f from g\n",
                 "bad.rules:1: 'cannot-fail f' needs argN LO HI, argN from CALL... or argN "
                 "after CALL:argK... (e.g. 'cannot-fail PyLong_FromLong arg1 -5 256')");
    /* one line with more names than a line holds */
    char line[1024] = "cannot-fail f arg1 from";
    for (int i = 0; i < 40; i++)
        snprintf(line + strlen(line), sizeof line - strlen(line), " p%d", i);
    strcat(line, "\n");
    expect_error(line, "bad.rules:1: too many calls after 'cannot-fail f arg1 from' (at "
                       "most 36)");
    /* 255 different producers across lines are fine, the 256th is refused */
    size_t cap = 256 * 64, len = 0;
    char *text = malloc(cap);
    for (int i = 0; i < 256; i++)
        len += (size_t)snprintf(text + len, cap - len, "cannot-fail f%d arg1 from p%d\n", i, i);
    rs = rules_new();
    err[0] = '\0';
    CHECK(!rules_parse(rs, "many.rules", text, err, sizeof err));
    CHECK_STR(err, "many.rules:256: too many calls named after 'from' in the rule set (at most "
                   "255 different ones)");
    CHECK(rules_producer(rs, "p254") == 255 && rules_producer(rs, "p255") == 0);
    CHECK(rules_cannot_fail(rs, "f254") && !rules_cannot_fail(rs, "f255"));
    rules_free(rs);
    free(text);
}

/* "cannot-fail NAME argN after CALL:argK...": each rule a bit of its own;
 * which calls' success resolves what. */
static void test_cannot_fail_after(void) {
    rule_set *rs = parse_ok("cannot-fail _PyUnicode_FromId arg1 after _PyUnicode_FromId:arg1 "
                            "_PyObject_SetAttrId:arg2\n"
                            "cannot-fail g arg2 after h:arg1 h:arg3\n"
                            "cannot-fail k arg1 from h\n"
                            "cannot-fail g arg1 after h:arg2\n");
    const rule_cannot_fail *id = rules_cannot_fail(rs, "_PyUnicode_FromId");
    CHECK(id && id->arg == 0 && id->nafter == 2 && id->nfrom == 0 && id->bit == 0);
    CHECK_STR(id && id->nafter == 2 ? id->after[1] : NULL, "_PyObject_SetAttrId");
    CHECK(id && id->nafter == 2 && id->after_arg[0] == 0 && id->after_arg[1] == 1);
    const rule_cannot_fail *g = rules_cannot_fail(rs, "g"); /* replaced, keeps its bit */
    CHECK(g && g->arg == 0 && g->nafter == 1 && g->after_arg[0] == 1 && g->bit == 1);
    CHECK(rules_resolved_by(rs, "_PyObject_SetAttrId", 1) == 1u);
    CHECK(rules_resolved_by(rs, "_PyObject_SetAttrId", 0) == 0u);
    CHECK(rules_resolved_by(rs, "_PyUnicode_FromId", 0) == 1u);
    CHECK(rules_resolved_by(rs, "h", 1) == 2u && rules_resolved_by(rs, "h", 0) == 0u);
    CHECK(rules_resolved_by(rs, "k", 0) == 0u && rules_producer(rs, "h") == 1);
    rules_free(rs);
    expect_error("cannot-fail f arg1 after\n",
                 "bad.rules:1: 'cannot-fail f arg1 after' needs at least one call after "
                 "'after' (e.g. 'cannot-fail _PyUnicode_FromId arg1 after "
                 "_PyUnicode_FromId:arg1')");
    expect_error("cannot-fail f arg1 after g\n",
                 "bad.rules:1: bad call 'g' after 'cannot-fail f arg1 after' (expected "
                 "CALL:argK, K in 1..32)");
    expect_error("cannot-fail f arg1 after g:arg0\n",
                 "bad.rules:1: bad call 'g:arg0' after 'cannot-fail f arg1 after' (expected "
                 "CALL:argK, K in 1..32)");
    expect_error("cannot-fail f arg1 after g:1\n",
                 "bad.rules:1: bad call 'g:1' after 'cannot-fail f arg1 after' (expected "
                 "CALL:argK, K in 1..32)");
    expect_error("cannot-fail f arg1 after 9g:arg1\n",
                 "bad.rules:1: bad name in '9g:arg1' after 'cannot-fail f arg1 after' (expected "
                 "a C identifier)");
    expect_error("cannot-fail f arg1 after :arg1\n",
                 "bad.rules:1: bad name in ':arg1' after 'cannot-fail f arg1 after' (expected "
                 "a C identifier)");
    expect_error("cannot-fail f arg1 after g:arg2 h:arg1 g:arg2\n",
                 "bad.rules:1: 'g:arg2' named twice after 'cannot-fail f arg1 after'");
    /* eight after rules are fine, a ninth is refused */
    char text[1024] = "";
    for (int i = 0; i < 9; i++)
        snprintf(text + strlen(text), sizeof text - strlen(text),
                 "cannot-fail f%d arg1 after g:arg1\n", i);
    rs = rules_new();
    err[0] = '\0';
    CHECK(!rules_parse(rs, "after.rules", text, err, sizeof err));
    CHECK_STR(err, "after.rules:9: too many 'cannot-fail ... after' rules in the rule set (at "
                   "most 8)");
    CHECK(rules_cannot_fail(rs, "f7") && !rules_cannot_fail(rs, "f8"));
    CHECK(rules_resolved_by(rs, "g", 0) == 0xffu);
    rules_free(rs);
}

/* A bad line stops the parse; rules before it stay. */
static void test_partial(void) {
    rule_set *rs = rules_new();
    CHECK(!rules_parse(rs, "p.rules", "fn a new\nfn b bad\nfn c new\n", err, sizeof err));
    CHECK(rules_lookup(rs, "a") && !rules_lookup(rs, "b") && !rules_lookup(rs, "c"));
    rules_free(rs);
}

static char *format_set(const rule_set *rs) {
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    rules_format_set(rs, f);
    fclose(f);
    return buf;
}

static void test_round_trip(void) {
    const char *text =
        "type PyObject\n"
        "refcount-field ob_refcnt\n"
        "fn PyList_SetItem status borrow - steal  # source: refcounts.dat:1132\n"
        "fn Py_BuildValue new? fmt ...build\n"
        "fn PyArg_UnpackTuple truth borrow - - - ...parse\n"
        "fn g noreturn -\n"
        "trusted Py_DECREF\n";
    /* ...parse without fmt is allowed (PyArg_UnpackTuple); round-trip both. */
    rule_set *ok = parse_ok(text);
    rules_free(ok);
    text = "type PyObject\n"
           "refcount-field ob_refcnt\n"
           "fn PyList_SetItem status borrow - steal  # source: refcounts.dat:1132\n"
           "fn Py_BuildValue new? fmt ...build\n"
           "fn PyArg_UnpackTuple truth borrow fmt - - out-borrowed ...parse\n"
           "fn g noreturn -\n"
           "fn h value decref? borrow? ...\n"
           "fn Py_SET_TYPE value borrow store\n"
           "fn Py_AddPendingCall status - store-on-success?\n"
           "fn _typeobject.tp_free value free\n"
           "fn get_state nonnull borrow\n"
           "trusted Py_DECREF\n"
           "module-state PyModule_GetState\n"
           "cannot-fail PyLong_FromLong arg1 -5 256\n"
           "cannot-fail PyType_GetName arg1 from PyType_FromSpec PyType_FromSpecWithBases\n"
           "cannot-fail _PyUnicode_FromId arg1 after _PyUnicode_FromId:arg1 g:arg2\n";
    rule_set *rs = parse_ok(text);
    const rule_fn *r = rules_lookup(rs, "PyList_SetItem");
    char *line = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&line, &len);
    rules_format(r, m);
    fputs(" | ", m);
    rules_format_line(r, m);
    fclose(m);
    CHECK_STR(line, "fn PyList_SetItem status borrow - steal | "
                    "fn PyList_SetItem status borrow - steal  # source: refcounts.dat:1132");
    free(line);
    char *once = format_set(rs);
    CHECK_STR(once, text);
    rule_set *again = parse_ok(once);
    char *twice = format_set(again);
    CHECK_STR(twice, once);
    free(once);
    free(twice);
    rules_free(rs);
    rules_free(again);
}

static void test_override(void) {
    rule_set *rs = parse_ok("fn f new borrow\nfn g value\ntrusted f\n");
    CHECK(rules_parse(rs, "user.rules", "fn f borrowed? steal\n", err, sizeof err));
    const rule_fn *r = rules_lookup(rs, "f");
    CHECK(r && r->ret == RULE_RET_BORROWED_OR_NULL && r->params[0].effect == RULE_ARG_STEAL);
    CHECK(r && strcmp(r->file, "user.rules") == 0 && r->line == 1);
    CHECK(r && r->trusted); /* trusted sticks to the name */
    CHECK(rules_count(rs) == 2 && rules_at(rs, 0) == r);
    rules_free(rs);
}

static void test_annotations(void) {
    rule_set *rs = rules_new();
    const rule_fn *r = NULL;
    const char *a1[] = {"ret=new?", "arg3=steal"};
    CHECK(rules_from_annotations(rs, "rf_x", a1, 2, 3, "rf.h", 40, &r, err, sizeof err));
    CHECK(r && r->ret == RULE_RET_NEW_OR_NULL && r->nparams == 3);
    CHECK(r && r->params[0].effect == RULE_ARG_BORROW && r->params[2].effect == RULE_ARG_STEAL);
    CHECK(r && r->line == 40 && strcmp(r->file, "rf.h") == 0);
    CHECK(rules_lookup(rs, "rf_x") == r);
    const char *a2[] = {"arg1=decref?", "trusted"};
    CHECK(rules_from_annotations(rs, "rf_xdecref", a2, 2, 1, "rf.h", 50, &r, err, sizeof err));
    CHECK(r && r->ret == RULE_RET_VALUE && r->params[0].nullable && r->trusted);
    CHECK(rules_is_trusted(rs, "rf_xdecref"));
    const char *a3[] = {"arg4=steal"};
    CHECK(!rules_from_annotations(rs, "rf_y", a3, 1, 3, "rf.h", 60, &r, err, sizeof err));
    CHECK_STR(err, "rf.h:60: rf_y: argument number out of range in annotation 'refflow:arg4=steal'");
    const char *a4[] = {"ret=neww"};
    CHECK(!rules_from_annotations(rs, "rf_z", a4, 1, 0, "rf.h", 61, &r, err, sizeof err));
    CHECK_STR(err, "rf.h:61: rf_z: unknown return token in annotation 'refflow:ret=neww'");
    const char *a5[] = {"owner"};
    CHECK(!rules_from_annotations(rs, "rf_w", a5, 1, 0, "rf.h", 62, &r, err, sizeof err));
    CHECK_STR(err, "rf.h:62: rf_w: unknown annotation (expected ret=, argN=, varargs= or "
                   "trusted) in annotation 'refflow:owner'");
    CHECK(rules_lookup(rs, "rf_y") == NULL);
    rules_free(rs);
}

static void test_builtin(void) {
    const char *const *names = rules_builtin_names();
    int n = 0;
    bool have_rf = false, have_cpython = false;
    for (; names[n]; n++) {
        have_rf |= strcmp(names[n], "rf") == 0;
        have_cpython |= strcmp(names[n], "cpython") == 0;
        rule_set *rs = rules_new();
        if (!rules_load_builtin(rs, names[n], err, sizeof err)) {
            fprintf(stderr, "built-in set %s: %s\n", names[n], err);
            test_failures++;
        }
        rules_free(rs);
    }
    CHECK(have_rf && have_cpython);
    rule_set *rs = rules_new();
    CHECK(rules_load_builtin(rs, "rf", err, sizeof err));
    const rule_fn *r = rules_lookup(rs, "rf_list_set");
    CHECK(r && r->ret == RULE_RET_STATUS && r->params[2].effect == RULE_ARG_STEAL);
    CHECK(r && strcmp(r->file, "builtin/rf.rules") == 0);
    CHECK(rules_is_object_type(rs, "rf_object") && rules_is_refcount_field(rs, "rf_refcnt"));
    CHECK(!rules_load_builtin(rs, "no-such-set", err, sizeof err));
    CHECK(strncmp(err, "no built-in rule set 'no-such-set' (built-in:", 45) == 0);
    rules_free(rs);
}

static void test_load_file(void) {
    rule_set *rs = rules_new();
    CHECK(!rules_load_file(rs, "/nonexistent/x.rules", err, sizeof err));
    CHECK_STR(err, "/nonexistent/x.rules: cannot read rule file: No such file or directory");
    rules_free(rs);
}

int main(void) {
    test_good_lines();
    test_bad_lines();
    test_cannot_fail_from();
    test_cannot_fail_after();
    test_partial();
    test_round_trip();
    test_override();
    test_annotations();
    test_builtin();
    test_load_file();
    TEST_EXIT();
}
