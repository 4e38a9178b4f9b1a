/* test_store.c: the SQLite store (analyzer/store*.c). One program; the
 * first argument picks what it does (one ctest test per mode):
 *
 *   api [PARENT]       create and reopen; XXH64 vectors; incremental
 *                      re-analysis (unchanged, changed header, args, config,
 *                      deleted header, a header written during analysis);
 *                      findings round trip with their steps; fingerprints
 *                      across line shifts; first/last run bookkeeping;
 *                      summaries back as rules; threads sharing one handle
 *   crash [PARENT]     a writer killed (SIGKILL, _exit) before COMMIT leaves
 *                      the previous state; random kills of a busy writer
 *   concurrent [PARENT] two processes writing many units at once
 *
 * and, for test_store.py:
 *   open DB [MS]             prints "ok" or the error; exit 0 or 3
 *   begin-run DB MS          opens and begins a run; exit 0 or 3
 *   populate DB DIR          a small database for the README's queries
 *
 * The first three work in a fresh directory under PARENT (default $TMPDIR
 * or /tmp), removed when they pass and kept (and named) when they fail.
 */
#define _GNU_SOURCE /* nftw */
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "rules.h"
#include "store.h"
#include "store_test.h"
#include "store_test_hook.h"

static char dir[PATH_MAX - 64];
static char err[1024];

/* --- fixtures ----------------------------------------------------------- */

static const char *in_dir(const char *name) {
    static char bufs[4][PATH_MAX];
    static int next;
    char *p = bufs[next++ % 4];
    snprintf(p, PATH_MAX, "%s/%s", dir, name);
    return p;
}

/* Writes name in dir with mtime age_s seconds ago (0: now). */
static void write_file(const char *name, const char *text, int age_s) {
    FILE *f = fopen(in_dir(name), "w");
    if (!f) {
        perror(in_dir(name));
        exit(2);
    }
    fputs(text, f);
    fclose(f);
    if (age_s) {
        struct timespec t[2];
        clock_gettime(CLOCK_REALTIME, &t[0]);
        t[0].tv_sec -= age_s;
        t[1] = t[0];
        utimensat(AT_FDCWD, in_dir(name), t, 0);
    }
}

static store *open_db(const char *name) {
    store_options o = {.busy_timeout_ms = 20000};
    store *s = store_open(in_dir(name), &o, err, sizeof err);
    if (!s) {
        fprintf(stderr, "store_open: %s\n", err);
        exit(2);
    }
    return s;
}

static const char *const std_args[] = {"-I.", "-DX=1"};

static store_tu_key key_for(const char *file) {
    return (store_tu_key){.file = file, .directory = dir, .args = std_args, .nargs = 2};
}

static int64_t begin_run(store *s, const char *config) {
    int64_t run = 0;
    store_run_info info = {.command = "refflow check a.c", .tool_version = "refflow test",
                           .config = config};
    CHECK_OK(store_begin_run(s, &info, &run, err, sizeof err), err);
    return run;
}

static finding_note notes2[] = {
    {{"a.c", 10, 5}, "new reference acquired here"},
    {{"a.c", 11, 9}, "taking the true branch"},
};

static finding mk(const char *check, int line, const char *msg, const char *sym) {
    finding f = {.check = check, .loc = {"a.c", (uint32_t)line, 9}, .message = (char *)msg,
                 .function = "f", .symbol = (char *)sym};
    strcpy(f.severity, "warning");
    return f;
}

static bool same_str(const char *a, const char *b) {
    return !a == !b && (!a || strcmp(a, b) == 0);
}

static bool same_finding(const finding *a, const finding *b) {
    bool same = strcmp(a->check, b->check) == 0 && same_str(a->loc.file, b->loc.file) &&
                a->loc.line == b->loc.line && a->loc.col == b->loc.col &&
                same_str(a->message, b->message) && same_str(a->function, b->function) &&
                same_str(a->symbol, b->symbol) && strcmp(a->severity, b->severity) == 0 &&
                a->nnotes == b->nnotes;
    for (int i = 0; same && i < a->nnotes; i++)
        same = same_str(a->notes[i].loc.file, b->notes[i].loc.file) &&
               a->notes[i].loc.line == b->notes[i].loc.line &&
               a->notes[i].loc.col == b->notes[i].loc.col &&
               same_str(a->notes[i].text, b->notes[i].text);
    return same;
}

static void check_same_list(finding_list *got, finding_list *want, int line) {
    finding_list_sort(got);
    finding_list_sort(want);
    bool same = got->n == want->n;
    for (int i = 0; same && i < got->n; i++)
        same = same_finding(&got->items[i], &want->items[i]);
    if (!same) {
        fprintf(stderr, "%s:%d: finding lists differ (got %d, want %d)\n", __FILE__, line,
                got->n, want->n);
        test_failures++;
    }
}

static store_counts counts(store *s) {
    store_counts c = {0};
    CHECK_OK(store_count_rows(s, &c, err, sizeof err), err);
    return c;
}

static void check_integrity(store *s) {
    CHECK_OK(store_check_integrity(s, err, sizeof err), err);
}

/* --- api ---------------------------------------------------------------- */

static void test_hash_vectors(void) {
    unsigned char bytes[768];
    for (int i = 0; i < 768; i++)
        bytes[i] = (unsigned char)i;
    const char *s36 = "0123456789abcdef0123456789abcdef-xyz";
    CHECK(store_hash64("", 0, 0) == 0xef46db3751d8e999ULL);
    CHECK(store_hash64("a", 1, 0) == 0xd24ec4f1a98c6e5bULL);
    CHECK(store_hash64("abc", 3, 0) == 0x44bc2cf5ad770999ULL);
    CHECK(store_hash64("abc", 3, 12345) == 0x1700e64f6f23509ULL);
    CHECK(store_hash64(s36, 36, 0) == 0x9d5902bf0ad95334ULL);
    CHECK(store_hash64(bytes, 768, 0) == 0x8e03c838c596036fULL);
    CHECK(store_hash64(bytes, 768, 12345) == 0x6ecac135863f12b2ULL);
}

static void test_create_reopen(void) {
    store *s = open_db("create.db");
    CHECK_STR(store_path(s), in_dir("create.db"));
    store_counts c = counts(s);
    CHECK_INT(c.runs + c.files + c.tus + c.findings, 0);
    int64_t run = begin_run(s, "c");
    CHECK_INT(run, 1);
    CHECK_OK(store_end_run(s, 0, err, sizeof err), err);
    store_close(s);
    s = open_db("create.db");
    CHECK_INT(counts(s).runs, 1);
    CHECK_INT(begin_run(s, "c"), 2);
    check_integrity(s);
    store_close(s);
}

static const rule_fn *rule(rule_set *rs, const char *name) {
    const rule_fn *r = rules_lookup(rs, name);
    if (!r) {
        fprintf(stderr, "no rule %s\n", name);
        exit(2);
    }
    return r;
}

/* One analysis of a.c: two functions, sites, calls, a type edge, the
 * given findings, includes a.h and b.h (and noise that must be ignored). */
static int64_t analyze_a(store *s, rule_set *rs, finding *fs, int nf) {
    store_tu_key key = key_for("a.c");
    store_tu *t = store_begin_tu(s, &key);
    const char *includes[] = {"a.h", in_dir("b.h"), "./a.h", "a.c"};
    store_set_includes(t, includes, 4);
    int f1 = store_put_function(t, &(store_function){"get_item", {"a.c", 3, 1},
                                                     rule(rs, "get_item"),
                                                     STORE_SUMMARY_ANNOTATION, false});
    int f2 = store_put_function(t, &(store_function){"build", {"a.c", 20, 1},
                                                     rule(rs, "build"), STORE_SUMMARY_INFERENCE, false});
    store_put_function(t, &(store_function){"helper", {"a.c", 30, 1}, NULL, STORE_SUMMARY_RULE, false});
    store_put_function(t, &(store_function){"local_only", {"a.c", 40, 1}, rule(rs, "build"),
                                            STORE_SUMMARY_INFERENCE, true});
    store_put_dependency(t, "other_new", "fn other_new new? borrow?");
    store_put_dependency(t, "nowhere", NULL);
    store_put_dependency(t, "other_new", "fn other_new new borrow"); /* replaces */
    store_put_site(t, f2, &(store_site){STORE_SITE_ACQUIRE, {"a.c", 21, 9}, "get_item", -1, "x",
                                        "get_item", STORE_REF_BORROWED});
    store_put_site(t, f2, &(store_site){STORE_SITE_DECREF, {"a.c", 22, 5}, "RF_DECREF", 0, "x",
                                        "get_item", STORE_REF_BORROWED});
    store_put_call_edge(t, f2, "get_item", (ir_loc){"a.c", 21, 9});
    store_put_call_edge(t, f1, "rf_list_get", (ir_loc){"a.c", 4, 12});
    store_put_type(t, &(store_type){.name = "node", .loc = {"a.h", 1, 16}, .flavor = "rf",
                                    .type_object = "node_type", .traced = false,
                                    .why_untraced = "its rf_type 'node_type' has no traverse",
                                    .on_cycle = true});
    store_put_type_edge(t, &(store_type_edge){.struct_type = "node", .field = "next",
                                              .target_type = "node", .owned = true,
                                              .loc = {"a.h", 3, 5}, .on_cycle = true});
    for (int i = 0; i < nf; i++)
        store_put_finding(t, &fs[i], NULL);
    if (nf)
        store_put_finding(t, &fs[0], NULL); /* a duplicate is ignored */
    int64_t id = 0;
    CHECK_OK(store_end_tu(t, &id, err, sizeof err), err);
    return id;
}

static bool unchanged(store *s, store_tu_key key, int64_t *id) {
    err[0] = '\0';
    bool u = store_tu_unchanged(s, &key, id, err, sizeof err);
    if (err[0]) {
        fprintf(stderr, "store_tu_unchanged: %s\n", err);
        test_failures++;
    }
    return u;
}

static rule_set *test_rules(void) {
    rule_set *rs = rules_new();
    if (!rules_parse(rs, "t.rules",
                     "fn get_item borrowed? borrow -\n"
                     "fn build new? borrow? fmt ...build\n",
                     err, sizeof err)) {
        fprintf(stderr, "rules: %s\n", err);
        exit(2);
    }
    return rs;
}

static void write_sources(void) {
    write_file("a.c", "#include \"a.h\"\nint main(void) { return 0; }\n", 100);
    write_file("a.h", "#include \"b.h\"\nstruct node { struct node *next; };\n", 100);
    write_file("b.h", "#define B 1\n", 100);
}

/* The incremental tests share one database, inc.db, whose unit a.c moves
 * through runs 1 to 4 in order. */
static struct {
    store *s;
    rule_set *rs;
    int64_t tu;
    finding fs[2], fs3[2];
} inc;

/* Loads the unit's current findings and compares them with want[0..n). */
static void check_current(const finding *want, int n, int line) {
    finding_list got, w;
    finding_list_init(&got);
    finding_list_init(&w);
    for (int i = 0; i < n; i++)
        finding_list_add(&w, &want[i]);
    CHECK_OK(store_load_findings(inc.s, inc.tu, &got, err, sizeof err), err);
    check_same_list(&got, &w, line);
    finding_list_free(&got);
    finding_list_free(&w);
}

static int run_findings(store *s, int64_t run, bool only_new) {
    finding_list got;
    finding_list_init(&got);
    CHECK_OK(store_load_run_findings(s, run, only_new, &got, err, sizeof err), err);
    int n = got.n;
    finding_list_free(&got);
    return n;
}

/* Run 1 analyzes a.c and stores every kind of row. */
static void inc_first_analysis(void) {
    int64_t tu2 = 0;
    begin_run(inc.s, "config-1");
    CHECK(!unchanged(inc.s, key_for("a.c"), &tu2));
    inc.tu = analyze_a(inc.s, inc.rs, inc.fs, 2);
    CHECK(inc.tu > 0);
    store_counts c = counts(inc.s);
    CHECK_INT(c.tus, 1);
    CHECK_INT(c.files, 3);
    CHECK_INT(c.tu_includes, 2);
    CHECK_INT(c.functions, 4);
    CHECK_INT(c.tu_dependencies, 2);
    CHECK_INT(c.sites, 2);
    CHECK_INT(c.call_edges, 2);
    CHECK_INT(c.type_edges, 1);
    CHECK_INT(c.types, 1);
    CHECK_INT(c.findings, 2);
    CHECK_INT(c.finding_steps, 2);
    CHECK(unchanged(inc.s, key_for("a.c"), &tu2) && tu2 == inc.tu);
    check_current(inc.fs, 2, __LINE__);
    CHECK_OK(store_end_run(inc.s, 1, err, sizeof err), err);
}

/* Run 2 finds it unchanged and reuses it: nothing new. */
static void inc_reuse(void) {
    int64_t run2 = begin_run(inc.s, "config-1"), tu2 = 0;
    CHECK(unchanged(inc.s, key_for("a.c"), &tu2) && tu2 == inc.tu);
    finding_list got, want;
    finding_list_init(&got);
    finding_list_init(&want);
    finding_list_add(&want, &inc.fs[0]);
    finding_list_add(&want, &inc.fs[1]);
    CHECK_OK(store_reuse_tu(inc.s, inc.tu, &got, err, sizeof err), err);
    check_same_list(&got, &want, __LINE__);
    finding_list_free(&got);
    finding_list_free(&want);
    CHECK_INT(run_findings(inc.s, run2, true), 0);
    CHECK_INT(run_findings(inc.s, run2, false), 2);
    CHECK_INT(run_findings(inc.s, run2 - 1, false), 0); /* all reported again by run 2 */
    /* another handle (a later process): the stored hashes and mtimes answer */
    store *s2 = open_db("inc.db");
    begin_run(s2, "config-1");
    CHECK(unchanged(s2, key_for("a.c"), &tu2) && tu2 == inc.tu);
    store_close(s2);
}

/* Other arguments, directory or config: another unit, or not unchanged. */
static void inc_keys(void) {
    int64_t tu2;
    store_tu_key other = key_for("a.c");
    other.nargs = 1;
    CHECK(!unchanged(inc.s, other, &tu2));
    other = key_for("a.c");
    other.directory = NULL;
    CHECK(!unchanged(inc.s, other, &tu2));
    store *s2 = open_db("inc.db");
    begin_run(s2, "config-2");
    CHECK(!unchanged(s2, key_for("a.c"), &tu2));
    store_close(s2);
}

/* Within an unchanged-check batch each file is looked at once: a header
 * changed after the batch saw it still reads as before, until the batch
 * ends (then b.h is put back as it was, with a new mtime). */
static void inc_batch(void) {
    int64_t tu2;
    store_unchanged_batch_begin(inc.s);
    CHECK(unchanged(inc.s, key_for("a.c"), &tu2) && tu2 == inc.tu);
    write_file("b.h", "#define B 9\n", 60);
    CHECK(unchanged(inc.s, key_for("a.c"), &tu2) && tu2 == inc.tu);
    store_unchanged_batch_end(inc.s);
    CHECK(!unchanged(inc.s, key_for("a.c"), &tu2));
    store_unchanged_batch_begin(inc.s); /* a new batch looks again */
    CHECK(!unchanged(inc.s, key_for("a.c"), &tu2));
    write_file("b.h", "#define B 1\n", 60);
    CHECK(!unchanged(inc.s, key_for("a.c"), &tu2));
    store_unchanged_batch_end(inc.s);
    CHECK(unchanged(inc.s, key_for("a.c"), &tu2) && tu2 == inc.tu);
}

/* A header changes (same size); run 3 analyzes again: the leak moved 3
 * lines (same row), a new one appeared, the over-release is gone. Run 4:
 * only the moved leak; then a second analysis in run 4 with only 'z'. */
static void inc_reanalysis(void) {
    int64_t tu2;
    write_file("b.h", "#define B 2\n", 50);
    CHECK(!unchanged(inc.s, key_for("a.c"), &tu2));
    int64_t run3 = begin_run(inc.s, "config-1");
    CHECK_INT(analyze_a(inc.s, inc.rs, inc.fs3, 2), inc.tu);
    CHECK(unchanged(inc.s, key_for("a.c"), &tu2) && tu2 == inc.tu);
    CHECK_INT(run_findings(inc.s, run3, true), 1); /* 'z' */
    check_current(inc.fs3, 2, __LINE__);
    store_counts c = counts(inc.s);
    CHECK_INT(c.findings, 3);      /* the fixed one is kept for one analysis */
    CHECK_INT(c.finding_steps, 1); /* steps replaced with the finding's */
    CHECK_INT(c.functions, 4);     /* replaced, not added */
    CHECK_INT(c.tu_dependencies, 2); /* replaced, not added */
    CHECK_INT(c.sites, 2);
    CHECK_INT(c.tus, 1);

    begin_run(inc.s, "config-1");
    CHECK_INT(analyze_a(inc.s, inc.rs, inc.fs3, 1), inc.tu);
    CHECK_INT(counts(inc.s).findings, 2); /* over-release dropped, 'z' fixed */
    check_current(inc.fs3, 1, __LINE__);
    /* analyzed twice in one run: what the second does not report is gone */
    CHECK_INT(analyze_a(inc.s, inc.rs, inc.fs3 + 1, 1), inc.tu);
    check_current(inc.fs3 + 1, 1, __LINE__);
}

/* Files deleted, written during the analysis, an include list never given,
 * and the documented limit of the mtime shortcut. */
static void inc_files(void) {
    int64_t tu2;
    unlink(in_dir("b.h"));
    CHECK(!unchanged(inc.s, key_for("a.c"), &tu2));
    write_file("b.h", "#define B 2\n", 50);
    CHECK(unchanged(inc.s, key_for("a.c"), &tu2));

    store_tu_key key = key_for("a.c");
    store_tu *t = store_begin_tu(inc.s, &key);
    write_file("a.h", "#include \"b.h\"\nstruct node { struct node *prev; };\n", 0);
    const char *includes[] = {"a.h", "b.h"};
    store_set_includes(t, includes, 2);
    CHECK_OK(store_end_tu(t, NULL, err, sizeof err), err);
    CHECK(!unchanged(inc.s, key_for("a.c"), &tu2));
    write_file("a.h", "#include \"b.h\"\nstruct node { struct node *prev; };\n", 50);
    CHECK(!unchanged(inc.s, key_for("a.c"), &tu2)); /* until analyzed again */
    CHECK_INT(analyze_a(inc.s, inc.rs, inc.fs3, 1), inc.tu);
    CHECK(unchanged(inc.s, key_for("a.c"), &tu2));

    t = store_begin_tu(inc.s, &key);
    CHECK_OK(store_end_tu(t, NULL, err, sizeof err), err);
    CHECK(!unchanged(inc.s, key_for("a.c"), &tu2));
    t = store_begin_tu(inc.s, &key);
    store_set_includes(t, includes, 2);
    CHECK_OK(store_end_tu(t, NULL, err, sizeof err), err);
    CHECK(unchanged(inc.s, key_for("a.c"), &tu2));

    /* same size, same mtime, hashed long after it: trusted without reading */
    struct stat st;
    stat(in_dir("b.h"), &st);
    write_file("b.h", "#define B 3\n", 0);
    struct timespec times[2] = {st.st_mtim, st.st_mtim};
    utimensat(AT_FDCWD, in_dir("b.h"), times, 0);
    store *s2 = open_db("inc.db");
    begin_run(s2, "config-1");
    CHECK(unchanged(s2, key_for("a.c"), &tu2));
    store_close(s2);
}

static void test_incremental(void) {
    inc.rs = test_rules();
    write_sources();
    inc.s = open_db("inc.db");
    inc.fs[0] = mk("leak", 12, "leak of 'x' (from get_item at line 10)", "x");
    inc.fs[0].notes = notes2;
    inc.fs[0].nnotes = 2;
    inc.fs[1] = mk("over-release", 14, "release of borrowed 'y'", NULL);
    inc.fs3[0] = mk("leak", 15, "leak of 'x' (from get_item at line 13)", "x");
    inc.fs3[0].notes = notes2;
    inc.fs3[0].nnotes = 1;
    inc.fs3[1] = mk("leak", 40, "leak of 'z'", "z");
    inc_first_analysis();
    inc_reuse();
    inc_keys();
    inc_batch();
    inc_reanalysis();
    inc_files();
    check_integrity(inc.s);
    store_close(inc.s);
    rules_free(inc.rs);
}

static void test_fingerprints(void) {
    char a[17], b[17];
    finding f1 = mk("leak", 12, "leak of 'x' (from g at line 10)", "x");
    finding f2 = mk("leak", 15, "leak of 'x' (from g at line 13)", "x");
    store_fingerprint(&f1, 0, a);
    store_fingerprint(&f2, 0, b);
    CHECK_STR(a, b);
    CHECK_INT(strlen(a), 16);
    store_fingerprint(&f1, 1, b);
    CHECK(strcmp(a, b) != 0);
    f2 = mk("leak", 12, "leak of 'x1' (from g at line 10)", "x1");
    finding f3 = mk("leak", 12, "leak of 'x2' (from g at line 10)", "x2");
    store_fingerprint(&f2, 0, a);
    store_fingerprint(&f3, 0, b);
    CHECK(strcmp(a, b) != 0);
    f3 = mk("over-release", 12, "leak of 'x1' (from g at line 10)", "x1");
    store_fingerprint(&f3, 0, b);
    CHECK(strcmp(a, b) != 0);
}

/* A fingerprint given by the caller is the identity: the reworded finding
 * keeps its row; the other one gets the store's own. */
static void test_caller_fingerprints(void) {
    write_sources();
    store *s = open_db("fp.db");
    store_tu_key key = key_for("a.c");
    for (int run = 1; run <= 2; run++) {
        int64_t r = begin_run(s, "c");
        store_tu *t = store_begin_tu(s, &key);
        store_set_includes(t, NULL, 0);
        finding a = mk("leak", 10 * run, run == 1 ? "leak of 'x'" : "leak of 'x', reworded", "x");
        finding b = mk("leak", 30, "leak of 'y'", "y");
        store_put_finding(t, &a, "0123456789abcdef");
        store_put_finding(t, &b, NULL);
        CHECK_OK(store_end_tu(t, NULL, err, sizeof err), err);
        CHECK_INT(run_findings(s, r, true), run == 1 ? 2 : 0);
    }
    CHECK_INT(counts(s).findings, 2);
    store_close(s);
}

/* Two findings equal but for their lines get ordinals, so both are kept. */
static void test_same_fingerprint_twice(void) {
    rule_set *rs = test_rules();
    write_sources();
    store *s = open_db("twice.db");
    begin_run(s, "c");
    finding fs[2] = {mk("leak", 12, "leak of 'x'", "x"), mk("leak", 30, "leak of 'x'", "x")};
    int64_t tu = analyze_a(s, rs, fs, 2);
    finding_list got;
    finding_list_init(&got);
    CHECK_OK(store_load_findings(s, tu, &got, err, sizeof err), err);
    CHECK_INT(got.n, 2);
    finding_list_free(&got);
    store_close(s);
    rules_free(rs);
}

static void note_dep(void *ctx, const char *name, const char *summary) {
    char *out = ctx;
    size_t n = strlen(out);
    snprintf(out + n, 256 - n, "%s=%s;", name, summary ? summary : "none");
}

static void test_summaries(void) {
    rule_set *rs = test_rules();
    write_sources();
    store *s = open_db("sum.db");
    begin_run(s, "c");
    int64_t tu = analyze_a(s, rs, NULL, 0);
    rule_set *target = rules_new();
    CHECK(rules_parse(target, "user.rules", "fn get_item new\n", err, sizeof err));
    CHECK_INT(store_load_summaries(s, 0, target, err, sizeof err), 1);
    const rule_fn *r = rules_lookup(target, "get_item");
    CHECK(r && r->ret == RULE_RET_NEW); /* the user's rule stays */
    r = rules_lookup(target, "build");
    CHECK(r && r->ret == RULE_RET_NEW_OR_NULL && r->nparams == 2 &&
          r->params[0].effect == RULE_ARG_BORROW && r->params[0].nullable &&
          r->varargs == RULE_VA_BUILD && r->format_index == 1);
    CHECK(r && strcmp(r->file, RULES_FROM_INFERRED) == 0); /* as when it was learned */
    CHECK(!rules_lookup(target, "helper")); /* no summary */
    CHECK(!rules_lookup(target, "local_only")); /* static: not for other units */
    rules_free(target);
    target = rules_new();
    CHECK_INT(store_load_summaries(s, 999, target, err, sizeof err), 0); /* no such unit */
    rules_free(target);
    char deps[256] = "";
    CHECK_OK(store_load_dependencies(s, tu, note_dep, deps, err, sizeof err), err);
    CHECK_STR(deps, "nowhere=none;other_new=fn other_new new borrow;");
    store_close(s);
    rules_free(rs);
}

/* Errors that are the caller's: no run begun. */
static void test_misuse(void) {
    write_sources();
    store *s = open_db("misuse.db");
    store_tu_key key = key_for("a.c");
    int64_t tu;
    CHECK(!store_tu_unchanged(s, &key, &tu, err, sizeof err) && strstr(err, "no run begun"));
    store_tu *t = store_begin_tu(s, &key);
    CHECK(!store_end_tu(t, NULL, err, sizeof err) && strstr(err, "no run begun"));
    CHECK(!store_end_run(s, 0, err, sizeof err) && strstr(err, "no run"));
    begin_run(s, "c");
    key.file = "missing.c";
    t = store_begin_tu(s, &key);
    CHECK(!store_end_tu(t, NULL, err, sizeof err) && strstr(err, "cannot be read"));
    store_abandon_tu(store_begin_tu(s, &key));
    CHECK_INT(counts(s).tus, 0);
    store_close(s);
}

/* --- threads sharing one handle ----------------------------------------- */

enum { NTHREADS = 4, TUS_PER_THREAD = 25, FINDINGS_PER_TU = 3 };

typedef struct thread_arg {
    store *s;
    int index;
    int failures;
} thread_arg;

static void write_unit(store *s, const char *name, int nfindings, int nsites, char *e,
                       size_t elen, int *failures) {
    store_tu_key key = key_for(name);
    store_tu *t = store_begin_tu(s, &key);
    const char *includes[] = {"b.h"};
    store_set_includes(t, includes, 1);
    int fn = store_put_function(t, &(store_function){"f", {name, 1, 1}, NULL, STORE_SUMMARY_NONE, false});
    for (int i = 0; i < nsites; i++)
        store_put_site(t, fn, &(store_site){STORE_SITE_DECREF, {name, (uint32_t)i + 1, 1},
                                            "Py_DECREF", 0, "x", "PyList_GetItem",
                                            STORE_REF_BORROWED});
    for (int i = 0; i < nfindings; i++) {
        char msg[64];
        snprintf(msg, sizeof msg, "leak of 'v%d'", i);
        finding f = mk("leak", 10 + i, msg, NULL);
        f.loc.file = name;
        store_put_finding(t, &f, NULL);
    }
    if (!store_end_tu(t, NULL, e, elen)) {
        fprintf(stderr, "%s: %s\n", name, e);
        (*failures)++;
    }
}

static void *thread_main(void *p) {
    thread_arg *a = p;
    char e[512], name[64];
    for (int i = 0; i < TUS_PER_THREAD; i++) {
        snprintf(name, sizeof name, "t%d_%d.c", a->index, i);
        int64_t id;
        store_tu_key key = key_for(name);
        if (store_tu_unchanged(a->s, &key, &id, e, sizeof e))
            a->failures++; /* never analyzed before */
        write_unit(a->s, name, FINDINGS_PER_TU, 5, e, sizeof e, &a->failures);
        if (!store_tu_unchanged(a->s, &key, &id, e, sizeof e))
            a->failures++;
    }
    return NULL;
}

static void test_threads(void) {
    char name[64];
    write_file("b.h", "#define B 1\n", 100);
    for (int t = 0; t < NTHREADS; t++)
        for (int i = 0; i < TUS_PER_THREAD; i++) {
            snprintf(name, sizeof name, "t%d_%d.c", t, i);
            write_file(name, name, 100);
        }
    store *s = open_db("threads.db");
    begin_run(s, "c");
    pthread_t th[NTHREADS];
    thread_arg args[NTHREADS];
    for (int t = 0; t < NTHREADS; t++) {
        args[t] = (thread_arg){s, t, 0};
        pthread_create(&th[t], NULL, thread_main, &args[t]);
    }
    for (int t = 0; t < NTHREADS; t++) {
        pthread_join(th[t], NULL);
        CHECK_INT(args[t].failures, 0);
    }
    store_counts c = counts(s);
    CHECK_INT(c.tus, NTHREADS * TUS_PER_THREAD);
    CHECK_INT(c.findings, NTHREADS * TUS_PER_THREAD * FINDINGS_PER_TU);
    CHECK_INT(c.sites, NTHREADS * TUS_PER_THREAD * 5);
    check_integrity(s);
    store_close(s);
}

static int mode_api(void) {
    test_hash_vectors();
    test_create_reopen();
    test_incremental();
    test_fingerprints();
    test_same_fingerprint_twice();
    test_caller_fingerprints();
    test_summaries();
    test_misuse();
    test_threads();
    TEST_EXIT();
}

/* --- crash -------------------------------------------------------------- */

static void kill_self(store *s, void *ctx) {
    (void)s;
    if (*(int *)ctx)
        _exit(42);
    kill(getpid(), SIGKILL);
}

/* A child rewrites crash.c's unit with many rows and dies before COMMIT. */
static void crash_child(bool use_exit) {
    store *s = open_db("crash.db");
    begin_run(s, "c");
    int how = use_exit;
    store_set_before_commit(s, kill_self, &how);
    int failures = 0;
    write_unit(s, "crash.c", 50, 40000, err, sizeof err, &failures);
    _exit(3); /* not reached */
}

static void check_crash_state(int expect_runs) {
    store *s = open_db("crash.db");
    check_integrity(s);
    store_counts c = counts(s);
    CHECK_INT(c.tus, 1);
    CHECK_INT(c.findings, 2);
    CHECK_INT(c.sites, 3);
    CHECK_INT(c.runs, expect_runs);
    begin_run(s, "c");
    int64_t tu;
    store_tu_key key = key_for("crash.c");
    CHECK(unchanged(s, key, &tu));
    finding_list got;
    finding_list_init(&got);
    CHECK_OK(store_load_findings(s, tu, &got, err, sizeof err), err);
    CHECK_INT(got.n, 2);
    finding_list_free(&got);
    store_close(s);
}

static void run_crash_child(bool use_exit) {
    pid_t pid = fork();
    if (pid == 0)
        crash_child(use_exit);
    int status;
    waitpid(pid, &status, 0);
    if (use_exit)
        CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 42);
    else
        CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
}

/* A child writing units in a loop, SIGKILLed at random moments. */
static void busy_writer(void) {
    store *s = open_db("busy.db");
    begin_run(s, "c");
    char name[32];
    int failures = 0;
    for (int i = 0;; i++) {
        snprintf(name, sizeof name, "busy%d.c", i % 8);
        write_unit(s, name, 7, 100 + (i * 37) % 3000, err, sizeof err, &failures);
    }
}

static void test_random_kills(void) {
    char name[32];
    for (int i = 0; i < 8; i++) {
        snprintf(name, sizeof name, "busy%d.c", i);
        write_file(name, name, 100);
    }
    srand((unsigned)time(NULL));
    for (int round = 0; round < 12; round++) {
        pid_t pid = fork();
        if (pid == 0)
            busy_writer();
        struct timespec ts = {0, (long)(5 + rand() % 120) * 1000000L};
        nanosleep(&ts, NULL);
        kill(pid, SIGKILL);
        int status;
        waitpid(pid, &status, 0);
        CHECK(WIFSIGNALED(status));
        store *s = open_db("busy.db");
        check_integrity(s);
        store_counts c = counts(s);
        CHECK_INT(c.findings, 7 * c.tus); /* every unit whole */
        CHECK_INT(c.functions, c.tus);
        store_close(s);
    }
}

static int mode_crash(void) {
    write_file("crash.c", "int x;\n", 100);
    write_file("b.h", "#define B 1\n", 100);
    store *s = open_db("crash.db");
    begin_run(s, "c");
    int failures = 0;
    write_unit(s, "crash.c", 2, 3, err, sizeof err, &failures);
    CHECK_INT(failures, 0);
    store_close(s);
    run_crash_child(false);
    check_crash_state(2); /* the child's run row was committed on its own */
    run_crash_child(true);
    check_crash_state(4);
    test_random_kills();
    TEST_EXIT();
}

/* --- concurrent --------------------------------------------------------- */

enum { OWN_TUS = 60, SHARED_TUS = 15 };

static void concurrent_child(int who) {
    store *s = open_db("conc.db");
    begin_run(s, "c");
    char name[32];
    int failures = 0;
    for (int i = 0; i < OWN_TUS + SHARED_TUS; i++) {
        if (i % 5 == 0)
            snprintf(name, sizeof name, "shared%d.c", i / 5);
        else
            snprintf(name, sizeof name, "p%d_%d.c", who, i);
        write_unit(s, name, 4, 50, err, sizeof err, &failures);
    }
    failures += !store_end_run(s, 0, err, sizeof err);
    store_close(s);
    _exit(failures ? 1 : 0);
}

static int mode_concurrent(void) {
    char name[32];
    write_file("b.h", "#define B 1\n", 100);
    for (int i = 0; i < OWN_TUS + SHARED_TUS; i++) {
        snprintf(name, sizeof name, i % 5 == 0 ? "shared%d.c" : "p0_%d.c", i % 5 ? i : i / 5);
        write_file(name, name, 100);
        snprintf(name, sizeof name, "p1_%d.c", i);
        write_file(name, name, 100);
    }
    pid_t pids[2];
    for (int who = 0; who < 2; who++)
        if ((pids[who] = fork()) == 0)
            concurrent_child(who);
    for (int who = 0; who < 2; who++) {
        int status;
        waitpid(pids[who], &status, 0);
        CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    }
    store *s = open_db("conc.db");
    check_integrity(s);
    store_counts c = counts(s);
    int units = 0;
    for (int i = 0; i < OWN_TUS + SHARED_TUS; i++)
        units += i % 5 ? 2 : 1;
    CHECK_INT(c.runs, 2);
    CHECK_INT(c.tus, units);
    CHECK_INT(c.findings, units * 4);
    CHECK_INT(c.sites, units * 50);
    store_close(s);
    TEST_EXIT();
}

/* --- helpers for test_store.py ------------------------------------------ */

static int mode_open(const char *path, int ms) {
    store_options o = {.busy_timeout_ms = ms};
    store *s = store_open(path, &o, err, sizeof err);
    if (!s) {
        fprintf(stderr, "%s\n", err);
        return 3;
    }
    store_close(s);
    printf("ok\n");
    return 0;
}

static int mode_begin_run(const char *path, int ms) {
    store_options o = {.busy_timeout_ms = ms};
    store *s = store_open(path, &o, err, sizeof err);
    int64_t run;
    store_run_info info = {"refflow check x.c", "refflow test", "c"};
    bool ok = s && store_begin_run(s, &info, &run, err, sizeof err);
    if (!ok)
        fprintf(stderr, "%s\n", err);
    store_close(s);
    return ok ? 0 : 3;
}

/* Two runs over ext.c (analyzed both times): run 1 reports a leak and a
 * null-deref; run 2 the leak two lines lower, a new over-release, and no
 * null-deref. analyzer/schema/README.md shows what its queries print. */

/* The type graph rows the schema README's examples query: an untraced node
 * on a cycle, and a traced tnode whose traverse misses its cycle field. */
static void put_example_types(store_tu *t) {
    store_put_type(t, &(store_type){.name = "node", .loc = {"graph.c", 4, 16}, .flavor = "rf",
                                    .type_object = "node_type",
                                    .why_untraced = "its rf_type 'node_type' has no traverse",
                                    .on_cycle = true});
    store_put_type_edge(t, &(store_type_edge){.struct_type = "node", .field = "next",
                                              .target_type = "node", .owned = true,
                                              .loc = {"graph.c", 6, 18}, .on_cycle = true});
    store_put_type(t, &(store_type){.name = "tnode", .loc = {"graph.c", 16, 16}, .flavor = "rf",
                                    .type_object = "tnode_type", .gc_tracked = true,
                                    .traverse = "tnode_traverse", .traced = true,
                                    .on_cycle = true});
    store_put_type_edge(t, &(store_type_edge){.struct_type = "tnode", .field = "next",
                                              .target_type = "tnode", .owned = true,
                                              .loc = {"graph.c", 18, 19}, .on_cycle = true,
                                              .visited = STORE_VISIT_NO});
    store_put_type_edge(t, &(store_type_edge){.struct_type = "tnode", .field = "payload",
                                              .target_type = "rf_object", .owned = true,
                                              .loc = {"graph.c", 19, 16}, .on_cycle = true,
                                              .kind = STORE_EDGE_ANY,
                                              .visited = STORE_VISIT_YES});
}
static int mode_populate(const char *db) {
    rule_set *rs = rules_new();
    rules_parse(rs, "ext.rules",
                "fn first_item borrowed? borrow\nfn make_pair new? borrow borrow\n", err,
                sizeof err);
    write_file("ext.c", "/* ext */\n", 100);
    store_options o = {0};
    store *s = store_open(db, &o, err, sizeof err);
    if (!s) {
        fprintf(stderr, "%s\n", err);
        return 3;
    }
    for (int run = 1; run <= 2; run++) {
        begin_run(s, "c");
        store_tu_key key = key_for("ext.c");
        store_tu *t = store_begin_tu(s, &key);
        store_set_includes(t, NULL, 0);
        int f1 = store_put_function(t, &(store_function){"first_item", {"ext.c", 5, 1},
                                                         rules_lookup(rs, "first_item"),
                                                         STORE_SUMMARY_INFERENCE, false});
        int f2 = store_put_function(t, &(store_function){"make_pair", {"ext.c", 12, 1},
                                                         rules_lookup(rs, "make_pair"),
                                                         STORE_SUMMARY_CONVENTION, false});
        store_put_site(t, f1, &(store_site){STORE_SITE_RETURN, {"ext.c", 7, 5}, NULL, -1,
                                            "item", "PyList_GetItem", STORE_REF_BORROWED});
        store_put_site(t, f2, &(store_site){STORE_SITE_ACQUIRE, {"ext.c", 13, 15},
                                            "PyList_GetItem", -1, "a", "PyList_GetItem",
                                            STORE_REF_BORROWED});
        store_put_site(t, f2, &(store_site){STORE_SITE_DECREF, {"ext.c", 18, 5}, "Py_DECREF",
                                            0, "a", "PyList_GetItem", STORE_REF_BORROWED});
        store_put_site(t, f2, &(store_site){STORE_SITE_STEAL, {"ext.c", 16, 5},
                                            "PyTuple_SetItem", 2, "b", "PyLong_FromLong",
                                            STORE_REF_NEW});
        store_put_call_edge(t, f2, "PyList_GetItem", (ir_loc){"ext.c", 13, 15});
        store_put_dependency(t, "parse_pair", "fn parse_pair new? borrow?");
        store_put_type_edge(t, &(store_type_edge){.struct_type = "pair", .field = "first",
                                                  .target_type = "PyObject", .owned = true,
                                                  .loc = {"ext.c", 2, 15},
                                                  .kind = STORE_EDGE_ANY,
                                                  .visited = STORE_VISIT_YES});
        put_example_types(t);
        finding leak = mk("leak", 20 + run, "leak of new reference 'p' (from make_pair)", "p");
        leak.loc.file = "ext.c";
        leak.function = "caller";
        finding_note path[] = {{{"ext.c", 14, 9}, "new reference acquired here"},
                               {{"ext.c", 15, 5}, "taking the true branch"}};
        leak.notes = path;
        leak.nnotes = 2;
        store_put_finding(t, &leak, NULL);
        if (run == 1) {
            finding null = mk("null-deref", 9, "'item' may be NULL", "item");
            null.loc.file = "ext.c";
            null.function = "first_item";
            store_put_finding(t, &null, NULL);
        }
        if (run == 2) {
            finding over = mk("over-release", 18, "release of borrowed 'a'", "a");
            over.loc.file = "ext.c";
            over.function = "make_pair";
            store_put_finding(t, &over, NULL);
        }
        CHECK_OK(store_end_tu(t, NULL, err, sizeof err), err);
        CHECK_OK(store_end_run(s, 1, err, sizeof err), err);
    }
    store_close(s);
    rules_free(rs);
    TEST_EXIT();
}

static int remove_one(const char *path, const struct stat *st, int flag, struct FTW *ftw) {
    (void)st, (void)flag, (void)ftw;
    return remove(path);
}

/* Runs a scratch-directory mode in a fresh directory under parent (or
 * $TMPDIR, or /tmp), removed afterwards if the mode passed. */
static int in_scratch(int (*mode)(void), const char *parent) {
    if (!parent)
        parent = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
    char tmpl[PATH_MAX];
    snprintf(tmpl, sizeof tmpl, "%s/refflow-store-XXXXXX", parent);
    if (!mkdtemp(tmpl) || !realpath(tmpl, dir)) {
        perror(tmpl);
        return 2;
    }
    int rc = mode();
    if (rc == 0)
        nftw(dir, remove_one, 16, FTW_DEPTH | FTW_PHYS);
    else
        fprintf(stderr, "scratch directory kept: %s\n", dir);
    return rc;
}

static void usage(void) {
    fprintf(stderr, "usage: test_store api|crash|concurrent [PARENT_DIR]\n"
                    "       test_store open DB [MS] | begin-run DB MS | populate DB DIR\n");
}

int main(int argc, char **argv) {
    static const struct {
        const char *name;
        int (*fn)(void);
    } scratch_modes[] = {{"api", mode_api}, {"crash", mode_crash}, {"concurrent", mode_concurrent}};
    if (argc < 2) {
        usage();
        return 2;
    }
    const char *mode = argv[1];
    for (size_t i = 0; i < sizeof scratch_modes / sizeof scratch_modes[0]; i++)
        if (strcmp(mode, scratch_modes[i].name) == 0)
            return in_scratch(scratch_modes[i].fn, argc > 2 ? argv[2] : NULL);
    int ms = argc > 3 ? atoi(argv[3]) : 0;
    if (argc > 2 && strcmp(mode, "open") == 0)
        return mode_open(argv[2], ms);
    if (argc > 3 && strcmp(mode, "begin-run") == 0)
        return mode_begin_run(argv[2], ms);
    if (argc > 3 && strcmp(mode, "populate") == 0) {
        if (!realpath(argv[3], dir)) {
            perror(argv[3]);
            return 2;
        }
        return mode_populate(argv[2]);
    }
    usage();
    return 2;
}
