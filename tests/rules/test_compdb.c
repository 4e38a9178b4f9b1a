/* test_compdb.c: the JSON reader (analyzer/json.c) and the compilation
 * database reader (analyzer/compdb*.c): values and escapes, error positions,
 * garbage that must not crash, argument cleaning, "command" splitting,
 * relative paths, missing files and keys, filtering. Fixtures are written
 * into a fresh temporary directory. */
#include "compdb.h"
#include "json.h"
#include "test_util.h"

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static char err[1024];
static char tmp[256];

static json_doc *parse(const char *s) {
    err[0] = '\0';
    return json_parse(s, strlen(s), err, sizeof err);
}

static void expect_json_error(const char *s, const char *want) {
    json_doc *d = parse(s);
    CHECK(d == NULL);
    json_free(d);
    CHECK_STR(err, want);
}

static void test_json_values(void) {
    json_doc *d = parse(" {\"a\": [1, -2.5e2, true, false, null], \"s\": \"x\\n\\u00e9\\ud83d\\ude00\","
                        " \"z\": \"a\\u0000b\", \"a\": 0, \"e\": {}, \"f\": []}\n");
    CHECK(d != NULL);
    if (!d)
        return;
    const json_value *root = json_root(d);
    CHECK(root->kind == JSON_OBJECT && root->count == 6);
    const json_value *a = json_get(root, "a");
    CHECK(a && a->kind == JSON_NUMBER && a->number == 0); /* last duplicate wins */
    a = root->items[0];
    CHECK(a->kind == JSON_ARRAY && a->count == 5 && a->line == 1 && a->col == 8);
    CHECK(a->items[1]->number == -250.0 && a->items[2]->boolean && !a->items[3]->boolean);
    CHECK(a->items[4]->kind == JSON_NULL);
    CHECK_STR(json_get(root, "s")->string, "x\n\xc3\xa9\xf0\x9f\x98\x80");
    const json_value *z = json_get(root, "z");
    CHECK(z->len == 3 && z->string[1] == '\0' && z->string[2] == 'b');
    CHECK(json_get(root, "e")->count == 0 && json_get(root, "f")->kind == JSON_ARRAY);
    CHECK(json_get(root, "missing") == NULL && json_get(a, "x") == NULL);
    json_free(d);
}

static void test_json_errors(void) {
    expect_json_error("[1,\n 2,]", "2:4: trailing ',' before ']' in array");
    expect_json_error("{\"a\" 1}", "1:6: expected ':' after object key, got '1'");
    expect_json_error("{\"a\": 1,}", "1:9: trailing ',' before '}' in object");
    expect_json_error("{1: 2}", "1:2: expected a string key in object, got '1'");
    expect_json_error("[1 2]", "1:4: expected ',' or ']' in array, got '2'");
    expect_json_error("", "1:1: expected a value, got end of input");
    expect_json_error("[01]", "1:3: leading zero in a number");
    expect_json_error("[1.]", "1:4: expected a digit after '.'");
    expect_json_error("[-]", "1:3: expected a digit");
    expect_json_error("tru", "1:1: invalid literal (expected 'true')");
    expect_json_error("\"abc", "1:5: unterminated string");
    expect_json_error("\"a\tb\"", "1:3: control character 0x09 in a string (must be escaped)");
    expect_json_error("\"\\x\"", "1:3: invalid escape \\ followed by 'x'");
    expect_json_error("\"\\u12g4\"", "1:6: expected 4 hex digits after \\u");
    expect_json_error("\"\\udc00\"", "1:8: unpaired low surrogate \\udc00");
    expect_json_error("\"\\ud800x\"", "1:8: high surrogate \\ud800 not followed by a low one");
    expect_json_error("[1] [2]", "1:5: unexpected '[' after the top-level value");
    expect_json_error("// c\n[]", "1:1: expected a value, got '/'");
    expect_json_error("[NaN]", "1:2: expected a value, got 'N'");
    expect_json_error("\n\n  \x01", "3:3: expected a value, got byte 0x01");
    char deep[600];
    memset(deep, '[', sizeof deep - 1);
    deep[sizeof deep - 1] = '\0';
    expect_json_error(deep, "1:257: nesting deeper than 256");
}

/* Mutated and truncated documents: any result is fine, a crash is not. */
static void test_json_garbage(void) {
    const char *good = "[{\"directory\": \"/x\", \"file\": \"a.c\", \"arguments\": [\"cc\", \"-c\"]},"
                       " {\"n\": -1.5e-3, \"t\": [true, false, null, \"\\u00e9\\\\\"]}]";
    size_t n = strlen(good);
    char buf[256];
    const char alphabet[] = "[]{}\",:\\u0e-.tfn \x01\xff";
    unsigned seed = 12345;
    for (int round = 0; round < 20000; round++) {
        memcpy(buf, good, n + 1);
        for (int k = 0; k < 1 + round % 4; k++) {
            seed = seed * 1103515245u + 12345u;
            buf[(seed >> 8) % n] = alphabet[(seed >> 20) % (sizeof alphabet - 1)];
        }
        size_t len = round % 3 == 0 ? (seed >> 4) % (n + 1) : n;
        json_doc *d = json_parse(buf, len, err, sizeof err);
        json_free(d);
    }
    CHECK(1);
}

static void write_file(const char *path, const char *text) {
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (!f)
        return;
    fputs(text, f);
    fclose(f);
}

static void test_split(void) {
    int n = 0;
    char **w = compdb_split_command("cc  -DA='x y' \"-DB=\\\"q\\\"\" a\\ b -I\"\" ''", &n, err,
                                    sizeof err);
    CHECK(w && n == 6);
    if (w && n == 6) {
        CHECK_STR(w[0], "cc");
        CHECK_STR(w[1], "-DA=x y");
        CHECK_STR(w[2], "-DB=\"q\"");
        CHECK_STR(w[3], "a b");
        CHECK_STR(w[4], "-I");
        CHECK_STR(w[5], "");
    }
    for (int i = 0; w && i < n; i++)
        free(w[i]);
    free(w);
    CHECK(compdb_split_command("cc 'abc", &n, err, sizeof err) == NULL);
    CHECK_STR(err, "unterminated ' quote in \"command\"");
}

static void test_paths_and_flags(void) {
    char *p = compdb_join_path("/a/b/./c", "../d/../e.c");
    CHECK_STR(p, "/a/b/e.c");
    free(p);
    p = compdb_join_path("/a", "/x/../../y.c");
    CHECK_STR(p, "/y.c");
    free(p);
    CHECK(compdb_is_dropped_flag("-fno-tree-vrp") && compdb_is_dropped_flag("-fconserve-stack"));
    CHECK(compdb_is_dropped_flag("-Wno-packed-not-aligned"));
    CHECK(compdb_is_dropped_flag("-mindirect-branch=thunk-extern"));
    CHECK(!compdb_is_dropped_flag("-fcf-protection") && !compdb_is_dropped_flag("-Wall"));
    CHECK(!compdb_is_dropped_flag("-fstack-clash-protection") && !compdb_is_dropped_flag("-O2"));
}

static void check_args(const compdb_entry *e, const char *const *want, int nwant) {
    CHECK(e && e->nargs == nwant);
    for (int i = 0; e && i < nwant && i < e->nargs; i++)
        CHECK_STR(e->args[i], want[i]);
    CHECK(e && e->args[e->nargs] == NULL);
}


/* Filtering matches a file through symlinks too, and keeps every entry of
 * a file compiled twice, once per time the file is named. */
static void filter_symlinks(const char *dir) {
    char path[600], link[600], err[512];
    snprintf(path, sizeof path, "%s/src/a.c", dir);
    write_file(path, "int a;\n");
    snprintf(link, sizeof link, "%s/src/link.c", dir);
    unlink(link);
    CHECK(symlink("a.c", link) == 0);
    char json[4096];
    snprintf(json, sizeof json,
             "[{\"directory\": \"%s\", \"file\": \"src/a.c\", \"command\": \"cc -DONE src/a.c\"},"
             " {\"directory\": \"%s\", \"file\": \"src/b.c\", \"command\": \"cc src/b.c\"},"
             " {\"directory\": \"%s\", \"file\": \"src/a.c\", \"command\": \"cc -DTWO src/a.c\"}]",
             dir, dir, dir);
    snprintf(path, sizeof path, "%s/links", dir);
    mkdir(path, 0700);
    snprintf(path, sizeof path, "%s/links/compile_commands.json", dir);
    write_file(path, json);
    snprintf(path, sizeof path, "%s/links", dir);
    compdb *db = compdb_load(path, err, sizeof err);
    CHECK(db != NULL);
    if (!db)
        return;
    const char *files[] = {link, link};
    CHECK(compdb_filter(db, files, 2, err, sizeof err));
    CHECK(compdb_count(db) == 4);
    for (int i = 0; i < compdb_count(db); i++)
        CHECK(strstr(compdb_at(db, i)->file, "/src/a.c") != NULL);
    const char *want[] = {"-DONE"}, *want2[] = {"-DTWO"};
    check_args(compdb_at(db, 0), want, 1);
    check_args(compdb_at(db, 1), want2, 1);
    compdb_free(db);
}

static void test_compdb_good(void) {
    char path[512], dir[300];
    snprintf(dir, sizeof dir, "%s/proj", tmp);
    mkdir(dir, 0700);
    snprintf(path, sizeof path, "%s/src", dir);
    mkdir(path, 0700);
    snprintf(path, sizeof path, "%s/build", dir);
    mkdir(path, 0700);
    char json[2048];
    snprintf(json, sizeof json,
             "[\n"
             " {\"directory\": \"%s/build\", \"file\": \"../src/a.c\",\n"
             "  \"arguments\": [\"/usr/bin/ccache\", \"gcc\", \"-c\", \"-o\", \"a.o\", \"-I../inc\",\n"
             "                \"-DX=\\\"1 2\\\"\", \"-fconserve-stack\", \"-MD\", \"-MF\", \"a.d\",\n"
             "                \"-fcf-protection\", \"../src/a.c\"]},\n"
             " {\"directory\": \"%s/build\", \"file\": \"%s/src/b.c\",\n"
             "  \"command\": \"cc -c -ob.o '-DMSG=\\\"hi there\\\"' -DA=1\\\\ 2 -I \\\"/some dir\\\" "
             "-fno-tree-vrp -Wall %s/src/b.c\"},\n"
             " {\"directory\": \"build\", \"file\": \"src/../src/c.c\", \"command\": \"cc src/c.c\"}\n"
             "]\n",
             dir, dir, dir, dir);
    snprintf(path, sizeof path, "%s/build/compile_commands.json", dir);
    write_file(path, json);
    snprintf(path, sizeof path, "%s/build", dir);
    compdb *db = compdb_load(path, err, sizeof err);
    CHECK(db != NULL);
    if (!db) {
        fprintf(stderr, "%s\n", err);
        return;
    }
    CHECK(compdb_count(db) == 3 && compdb_at(db, 3) == NULL);
    const compdb_entry *a = compdb_at(db, 0);
    snprintf(path, sizeof path, "%s/src/a.c", dir);
    CHECK_STR(a->file, path);
    snprintf(path, sizeof path, "%s/build", dir);
    CHECK_STR(a->directory, path);
    const char *wa[] = {"-I../inc", "-DX=\"1 2\"", "-fcf-protection"};
    check_args(a, wa, 3);
    const char *wb[] = {"-DMSG=\"hi there\"", "-DA=1 2", "-I", "/some dir", "-Wall"};
    check_args(compdb_at(db, 1), wb, 5);
    /* A relative "directory" is taken from the database's own folder. */
    const compdb_entry *c = compdb_at(db, 2);
    snprintf(path, sizeof path, "%s/build/build/src/c.c", dir);
    CHECK_STR(c->file, path);
    check_args(c, NULL, 0);

    /* Filtering, with paths relative to the current directory. */
    char cwd[512];
    CHECK(getcwd(cwd, sizeof cwd) != NULL);
    snprintf(path, sizeof path, "%s/src", dir);
    CHECK(chdir(path) == 0);
    const char *files[] = {"b.c", "../src/a.c"};
    CHECK(compdb_filter(db, files, 2, err, sizeof err));
    CHECK(compdb_count(db) == 2 && strstr(compdb_at(db, 0)->file, "/b.c"));
    const char *nope[] = {"nope.c"};
    CHECK(!compdb_filter(db, nope, 1, err, sizeof err));
    CHECK_STR(err, "nope.c: not in the compilation database");
    CHECK(chdir(cwd) == 0);
    compdb_free(db);
    filter_symlinks(dir);
}

/* Writes text as DIR/NAME/compile_commands.json; loads it; wants an error
 * equal to "<that path>" + suffix. */
static void expect_db_error(const char *name, const char *text, const char *suffix) {
    char dir[512], path[600], want[1024];
    snprintf(dir, sizeof dir, "%s/%s", tmp, name);
    mkdir(dir, 0700);
    snprintf(path, sizeof path, "%s/compile_commands.json", dir);
    write_file(path, text);
    compdb *db = compdb_load(dir, err, sizeof err);
    CHECK(db == NULL);
    compdb_free(db);
    snprintf(want, sizeof want, "%s%s", path, suffix);
    CHECK_STR(err, want);
}

static void test_compdb_errors(void) {
    compdb *db = compdb_load("/nonexistent/build", err, sizeof err);
    CHECK(db == NULL);
    CHECK_STR(err, "/nonexistent/build/compile_commands.json: cannot read compilation database: "
                   "No such file or directory");
    expect_db_error("m1", "[\n  {\"directory\": \"/x\", \"file\": \"a.c\",}\n]\n",
                    ":2:37: trailing ',' before '}' in object");
    expect_db_error("m2", "[\n  {\"directory\": \"/x\", \"command\": \"cc a.c\"}\n]\n",
                    ":2:3: entry 1: missing \"file\"");
    expect_db_error("m3", "[{\"directory\": \"/x\", \"file\": \"a.c\"}]",
                    ":1:2: entry 1: missing \"arguments\" or \"command\"");
    expect_db_error("m4", "{\"directory\": \"/x\"}",
                    ":1:1: expected a JSON array of compile commands, got object");
    expect_db_error("m5", "[{\"directory\": 3, \"file\": \"a.c\", \"command\": \"cc\"}]",
                    ":1:16: entry 1: \"directory\" must be a string, not number");
    expect_db_error("m6", "[{\"directory\": \"/x\", \"file\": \"a.c\", \"command\": \"cc '\"}]",
                    ":1:48: entry 1: unterminated ' quote in \"command\"");
    expect_db_error("m7", "[{\"directory\": \"/x\", \"file\": \"a.c\", \"arguments\": [\"cc\", 1]}]",
                    ":1:57: entry 1: \"arguments\" must hold strings");
}

int main(void) {
    snprintf(tmp, sizeof tmp, "/tmp/refflow-test-compdb-XXXXXX");
    if (!mkdtemp(tmp)) {
        perror("mkdtemp");
        return 1;
    }
    test_json_values();
    test_json_errors();
    test_json_garbage();
    test_split();
    test_paths_and_flags();
    test_compdb_good();
    test_compdb_errors();
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", tmp);
    TEST_EXIT();
}
