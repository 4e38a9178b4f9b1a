/* test_ci_units.c: unit tests of the CI pieces that need no analysis:
 * FNV-1a vectors, line normalization, fingerprint hex, relative paths
 * (analyzer/fingerprint.c), its source cache, and the refflow-ignore parser (suppress.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fingerprint.h"
#include "suppress.h"

static int failures;

#define EXPECT(cond)                                                                 \
    do {                                                                             \
        if (!(cond)) {                                                               \
            fprintf(stderr, "%s:%d: FAIL %s\n", __FILE__, __LINE__, #cond);          \
            failures++;                                                              \
        }                                                                            \
    } while (0)

static void test_fnv(void) {
    /* Reference values of FNV-1a 64 (Fowler, Noll, Vo test suite). */
    EXPECT(fp_hash(FP_FNV_OFFSET, "", 0) == 0xcbf29ce484222325ULL);
    EXPECT(fp_hash(FP_FNV_OFFSET, "a", 1) == 0xaf63dc4c8601ec8cULL);
    EXPECT(fp_hash(FP_FNV_OFFSET, "foobar", 6) == 0x85944171f73967e8ULL);
    EXPECT(fp_hash_field(FP_FNV_OFFSET, NULL) == fp_hash(FP_FNV_OFFSET, "", 1));
    /* field separators: ("ab", "c") and ("a", "bc") differ */
    EXPECT(fp_hash_field(fp_hash_field(FP_FNV_OFFSET, "ab"), "c") !=
           fp_hash_field(fp_hash_field(FP_FNV_OFFSET, "a"), "bc"));
}

static const char *norm(const char *s) {
    static char buf[128];
    fp_normalize_line(s, strlen(s), buf, sizeof buf);
    return buf;
}

static void test_normalize(void) {
    EXPECT(strcmp(norm("  \treturn   f(x);  \r"), "return f(x);") == 0);
    EXPECT(strcmp(norm(""), "") == 0);
    EXPECT(strcmp(norm(" \t "), "") == 0);
    EXPECT(strcmp(norm("a\tb"), "a b") == 0);
    char small[4];
    EXPECT(fp_normalize_line("abcdef", 6, small, sizeof small) == 3 && strcmp(small, "abc") == 0);
}

static void test_hex(void) {
    char buf[FP_HEX_LEN + 1];
    uint64_t v = 0;
    EXPECT(strcmp(fp_format(0x00ab0000000000cdULL, buf), "00ab0000000000cd") == 0);
    EXPECT(fp_parse("00AB0000000000cd", &v) && v == 0x00ab0000000000cdULL);
    EXPECT(!fp_parse("00ab00000000xxcd", &v));
    EXPECT(!fp_parse("00ab", &v));
}

static void expect_rel(const char *path, const char *root, const char *want) {
    char *got = fp_relpath(path, root);
    if (strcmp(got, want) != 0) {
        fprintf(stderr, "FAIL fp_relpath(%s, %s) = %s, want %s\n", path, root ? root : "NULL",
                got, want);
        failures++;
    }
    free(got);
}

static void test_relpath(void) {
    expect_rel("/no/such/dir/a/./b/../c.c", "/no/such/dir", "a/c.c");
    expect_rel("/no/such/dir/a.c", "/no/such/dir/", "a.c");
    expect_rel("/no/such/other/a.c", "/no/such/dir", "/no/such/other/a.c");
    expect_rel("/no/such/dirx/a.c", "/no/such/dir", "/no/such/dirx/a.c");
    expect_rel("/no//such/a.c", "/", "no/such/a.c");
    expect_rel("x/../y.c", NULL, "y.c");
}

/* The source cache: whole text, lines by number and by offset. */
static void test_sources(void) {
    char path[] = "/tmp/refflow-ci-units-XXXXXX";
    int fd = mkstemp(path);
    const char text[] = "one\r\n\nthree\nfour"; /* no final newline */
    EXPECT(fd >= 0 && write(fd, text, sizeof text - 1) == (ssize_t)(sizeof text - 1));
    close(fd);
    fp_sources *src = fp_sources_new();
    size_t len = 0, n = 0;
    const char *all = fp_source_text(src, path, &len);
    EXPECT(all && len == sizeof text - 1 && memcmp(all, text, len) == 0);
    EXPECT(fp_source_nlines(src, path) == 4);
    const char *l1 = fp_source_line(src, path, 1, &n);
    EXPECT(l1 && n == 3 && memcmp(l1, "one", 3) == 0);
    const char *l4 = fp_source_line(src, path, 4, &n);
    EXPECT(l4 && n == 4 && memcmp(l4, "four", 4) == 0);
    EXPECT(fp_source_line_at(src, path, 0) == 1);
    EXPECT(fp_source_line_at(src, path, 4) == 1);  /* the '\n' ends line 1 */
    EXPECT(fp_source_line_at(src, path, 5) == 2);  /* the empty line */
    EXPECT(fp_source_line_at(src, path, 6) == 3);
    EXPECT(fp_source_line_at(src, path, len - 1) == 4);
    EXPECT(fp_source_line_at(src, path, len) == 0);
    EXPECT(!fp_source_text(src, "/no/such/file.c", &len) && len == 0);
    EXPECT(fp_source_line_at(src, "/no/such/file.c", 0) == 0);
    fp_sources_free(src);
    unlink(path);
}

typedef struct unknown_log {
    char ids[128];
} unknown_log;

static void on_unknown(void *ctx, const char *id, unsigned col) {
    unknown_log *l = ctx;
    strncat(l->ids, id, sizeof l->ids - strlen(l->ids) - 2);
    strcat(l->ids, ";");
}

static int parse(const char *line, suppression *s, unknown_log *log) {
    char err[160];
    memset(log, 0, sizeof *log);
    return suppress_parse_line(line, strlen(line), s, err, sizeof err, on_unknown, log);
}

static void test_suppress_parse(void) {
    suppression s;
    unknown_log log;
    const check_info *leak = checks_find("leak");
    int li = (int)(leak - checks_at(0)), oi = (int)(checks_find("over-release") - checks_at(0));
    EXPECT(parse("  x = 1; // refflow-ignore[leak]: owned by the cache ", &s, &log) == 1);
    EXPECT(s.checks.enabled[li] && !s.checks.enabled[oi] && !s.standalone);
    EXPECT(strcmp(s.reason, "owned by the cache") == 0 && s.col == 13);
    free(s.reason);
    EXPECT(parse("\t// refflow-ignore[ over-release , leak ]:why", &s, &log) == 1);
    EXPECT(s.checks.enabled[li] && s.checks.enabled[oi] && s.standalone);
    EXPECT(strcmp(s.reason, "why") == 0);
    free(s.reason);
    EXPECT(parse("f(); /* refflow-ignore[*]: all */ g();", &s, &log) == 1);
    for (int i = 0; i < checks_count(); i++)
        EXPECT(s.checks.enabled[i]);
    EXPECT(strcmp(s.reason, "all") == 0);
    free(s.reason);
    EXPECT(parse("f(); // refflow-ignore[leak]", &s, &log) == 1 && s.reason[0] == '\0');
    free(s.reason);
    EXPECT(parse("f(); // refflow-ignore[leek,leak]: typo", &s, &log) == 1);
    EXPECT(strcmp(log.ids, "leek;") == 0 && s.checks.enabled[li]);
    free(s.reason);
    EXPECT(parse("f(); // refflow-ignore[leak: no bracket", &s, &log) == -1);
    EXPECT(parse("s = \"refflow-ignore[leak]\";", &s, &log) == 0); /* not in a comment */
    EXPECT(parse("// refflow-ignore: no list", &s, &log) == 0);
    EXPECT(parse("plain code;", &s, &log) == 0);
}

int main(void) {
    test_fnv();
    test_normalize();
    test_hex();
    test_relpath();
    test_sources();
    test_suppress_parse();
    printf("test_ci_units: %s\n", failures ? "FAILED" : "ok");
    return failures ? 1 : 0;
}
