/* verify.c: `--verify` (see verify.h). Expectations are read from the text
 * with a plain scan for "expect:" inside a // comment; IDs are checked
 * against the registry so a typo in a test is an error, not a silent pass. */
#include "verify.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "checks.h"

typedef struct expectation {
    int line;
    const char *check;
    bool matched;
} expectation;

typedef struct expect_list {
    expectation *items;
    int n, cap;
} expect_list;

static void add_expect(expect_list *l, int line, const char *check) {
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 32;
        l->items = realloc(l->items, sizeof(expectation) * (size_t)l->cap);
        if (!l->items)
            abort();
    }
    l->items[l->n++] = (expectation){line, check, false};
}

/* Parses the IDs after "expect:" on one line; false on an unknown ID. */
static bool parse_ids(const char *p, int line, const char *path, expect_list *l, FILE *out) {
    while (*p) {
        while (*p == ' ' || *p == '\t' || *p == ',')
            p++;
        const char *s = p;
        while (*p && (isalnum((unsigned char)*p) || *p == '-' || *p == '_'))
            p++;
        if (p == s)
            break;
        char id[64];
        snprintf(id, sizeof id, "%.*s", (int)(p - s), s);
        const check_info *ci = checks_find(id);
        if (!ci) {
            fprintf(out, "%s:%d: error: unknown check '%s' in expect comment [refflow-verify]\n",
                    path, line, id);
            return false;
        }
        add_expect(l, line, ci->id);
    }
    return true;
}

static bool read_expectations(const char *path, expect_list *l, FILE *out) {
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(out, "%s: error: cannot read file for --verify [refflow-verify]\n", path);
        return false;
    }
    char buf[8192];
    int line = 0;
    bool ok = true;
    while (fgets(buf, sizeof buf, f)) {
        line++;
        const char *c = strstr(buf, "//");
        const char *e = c ? strstr(c, "expect:") : NULL;
        if (e && !parse_ids(e + 7, line, path, l, out))
            ok = false;
    }
    fclose(f);
    return ok;
}

static bool same_file(const char *a, const char *b) {
    return a && b && strcmp(a, b) == 0;
}

static expectation *find_expect(expect_list *l, int line, const char *check) {
    for (int i = 0; i < l->n; i++)
        if (l->items[i].line == line && strcmp(l->items[i].check, check) == 0)
            return &l->items[i];
    return NULL;
}

int verify_file(const char *path, const finding_list *findings, FILE *out) {
    expect_list l = {0};
    if (!read_expectations(path, &l, out)) {
        free(l.items);
        return -1;
    }
    int bad = 0;
    for (int i = 0; i < findings->n; i++) {
        const finding *f = &findings->items[i];
        expectation *e = same_file(f->loc.file, path) ? find_expect(&l, (int)f->loc.line, f->check)
                                                      : NULL;
        if (e && !e->matched) {
            e->matched = true;
        } else if (!e) {
            fprintf(out, "%s:%u:%u: error: unexpected finding [refflow-%s]: %s\n",
                    f->loc.file ? f->loc.file : "?", f->loc.line, f->loc.col, f->check,
                    f->message);
            bad++;
        }
    }
    for (int i = 0; i < l.n; i++) {
        if (l.items[i].matched)
            continue;
        fprintf(out, "%s:%d: error: expected finding not reported [refflow-%s]\n", path,
                l.items[i].line, l.items[i].check);
        bad++;
    }
    free(l.items);
    return bad;
}
