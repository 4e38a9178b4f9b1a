/* suppress.c: in-source suppressions (see suppress.h). Each file with
 * findings is scanned once for the lines holding "refflow-ignore["; findings
 * are then matched against that file's suppressions by line. */
#define _GNU_SOURCE /* memmem */
#include "suppress.h"

#include <stdlib.h>
#include <string.h>

#define MARKER "refflow-ignore"

struct suppress_file {
    suppression *items;
    int n;
    struct suppress_file *next;
};

static bool blank(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/* Finds needle in the n bytes at hay; offset or -1. */
static long find(const char *hay, size_t n, const char *needle) {
    size_t k = strlen(needle);
    for (size_t i = 0; i + k <= n; i++)
        if (memcmp(hay + i, needle, k) == 0)
            return (long)i;
    return -1;
}

/* The comment opener ("//" or "/ *") closest before position at, or -1. */
static long comment_start(const char *text, long at) {
    for (long i = at - 2; i >= 0; i--)
        if (text[i] == '/' && (text[i + 1] == '/' || text[i + 1] == '*'))
            return i;
    return -1;
}

static char *trimmed_copy(const char *s, size_t n) {
    while (n && blank(*s))
        s++, n--;
    while (n && blank(s[n - 1]))
        n--;
    char *r = malloc(n + 1);
    if (!r)
        abort();
    memcpy(r, s, n);
    r[n] = '\0';
    return r;
}

/* Applies one ID of the bracket list to s. */
static void add_id(suppression *s, const char *id, size_t n, unsigned col,
                   void (*unknown)(void *, const char *, unsigned), void *ctx) {
    char *name = trimmed_copy(id, n);
    if (strcmp(name, "*") == 0)
        check_set_all(&s->checks);
    else if (checks_find(name))
        for (int i = 0; i < checks_count(); i++)
            s->checks.enabled[i] |= strcmp(checks_at(i)->id, name) == 0;
    else if (unknown)
        unknown(ctx, name, col);
    free(name);
}

/* The reason after "]": from a ':' up to the end of the comment. */
static char *reason_after(const char *p, const char *end, bool block) {
    while (p < end && blank(*p))
        p++;
    if (p == end || *p != ':')
        return trimmed_copy("", 0);
    p++;
    if (block) {
        long close = find(p, (size_t)(end - p), "*/");
        if (close >= 0)
            end = p + close;
    }
    return trimmed_copy(p, (size_t)(end - p));
}

int suppress_parse_line(const char *text, size_t n, suppression *s, char *err, size_t errlen,
                        void (*unknown)(void *ctx, const char *id, unsigned col), void *ctx) {
    long at = find(text, n, MARKER "[");
    if (at < 0)
        return 0;
    long open = comment_start(text, at);
    if (open < 0)
        return 0; /* not in a comment: code or a string that mentions it */
    memset(s, 0, sizeof *s);
    s->col = (unsigned)at + 1;
    const char *ids = text + at + strlen(MARKER) + 1, *end = text + n;
    const char *close = memchr(ids, ']', (size_t)(end - ids));
    if (!close) {
        snprintf(err, errlen, "'" MARKER "[' without a closing ']'; nothing is suppressed");
        return -1;
    }
    for (const char *p = ids; p < close;) {
        const char *comma = memchr(p, ',', (size_t)(close - p));
        const char *e = comma ? comma : close;
        add_id(s, p, (size_t)(e - p), s->col, unknown, ctx);
        p = e + 1;
    }
    long lead = 0;
    while (lead < open && blank(text[lead]))
        lead++;
    s->standalone = lead == open;
    s->reason = reason_after(close + 1, end, text[open + 1] == '*');
    return 1;
}

typedef struct scan_ctx {
    const char *path;
    unsigned line;
    FILE *diag;
} scan_ctx;

static void warn_unknown(void *ctx, const char *id, unsigned col) {
    scan_ctx *sc = ctx;
    fprintf(sc->diag, "%s:%u:%u: warning: unknown check '%s' in " MARKER "[...]; it is ignored\n",
            sc->path, sc->line, col, id);
}

static bool covers_nothing(const suppression *s) {
    for (int i = 0; i < checks_count(); i++)
        if (s->checks.enabled[i])
            return false;
    return true;
}

/* One line: adds its suppression to f, warning about what is wrong. */
static void scan_line(suppress_file *f, const char *text, size_t n, scan_ctx *sc) {
    suppression s;
    char err[160];
    int r = suppress_parse_line(text, n, &s, err, sizeof err, warn_unknown, sc);
    if (r < 0)
        fprintf(sc->diag, "%s:%u:%u: warning: %s\n", sc->path, sc->line, s.col, err);
    if (r <= 0)
        return;
    s.line = sc->line;
    if (!s.reason[0])
        fprintf(sc->diag, "%s:%u:%u: warning: " MARKER " without a reason; write why after a "
                "':', as in // " MARKER "[leak]: the cache owns it\n", sc->path, s.line, s.col);
    if (covers_nothing(&s)) {
        free(s.reason);
        return;
    }
    suppression *grown = realloc(f->items, sizeof *grown * (size_t)(f->n + 1));
    if (!grown)
        abort();
    f->items = grown;
    f->items[f->n++] = s;
}

/* Every line holding MARKER "[" (found in the whole text at once: most
 * files have none, and an unchanged re-run reads every file with findings). */
static suppress_file *scan_file(const char *path, fp_sources *src, FILE *diag) {
    suppress_file *f = calloc(1, sizeof *f);
    if (!f)
        abort();
    size_t len, k = strlen(MARKER "[");
    const char *all = fp_source_text(src, path, &len), *p = all;
    scan_ctx sc = {.path = path, .diag = diag};
    while (all && (p = memmem(p, len - (size_t)(p - all), MARKER "[", k)) != NULL) {
        size_t n;
        sc.line = fp_source_line_at(src, path, (size_t)(p - all));
        const char *text = fp_source_line(src, path, sc.line, &n);
        if (text)
            scan_line(f, text, n, &sc);
        p = text ? text + n : p + k; /* on to the next line */
    }
    return f;
}

static int check_index(const char *id) {
    for (int i = 0; i < checks_count(); i++)
        if (strcmp(checks_at(i)->id, id) == 0)
            return i;
    return -1;
}

static const suppression *match(const suppress_file *f, const finding *fd) {
    int c = check_index(fd->check);
    if (c < 0)
        return NULL;
    for (int i = 0; i < f->n; i++) {
        const suppression *s = &f->items[i];
        bool here = s->line == fd->loc.line || (s->standalone && s->line + 1 == fd->loc.line);
        if (here && s->checks.enabled[c])
            return s;
    }
    return NULL;
}

static bool same_file(const finding *a, const finding *b) {
    return strcmp(a->loc.file ? a->loc.file : "", b->loc.file ? b->loc.file : "") == 0;
}

void suppress_find(const finding_list *l, fp_sources *src, FILE *diag, suppress_info *out) {
    memset(out, 0, sizeof *out);
    out->by_finding = calloc((size_t)l->n + 1, sizeof *out->by_finding);
    if (!out->by_finding)
        abort();
    for (int i = 0, end; i < l->n; i = end) {
        for (end = i + 1; end < l->n && same_file(&l->items[i], &l->items[end]);)
            end++;
        if (!l->items[i].loc.file)
            continue;
        suppress_file *f = scan_file(l->items[i].loc.file, src, diag);
        f->next = out->files;
        out->files = f;
        for (int k = i; k < end; k++) {
            out->by_finding[k] = match(f, &l->items[k]);
            out->count += out->by_finding[k] != NULL;
        }
    }
}

void suppress_info_free(suppress_info *si) {
    for (suppress_file *f = si->files, *next; f; f = next) {
        next = f->next;
        for (int i = 0; i < f->n; i++)
            free(f->items[i].reason);
        free(f->items);
        free(f);
    }
    free(si->by_finding);
    memset(si, 0, sizeof *si);
}

void suppress_print(FILE *out, const finding_list *l, const suppress_info *si) {
    for (int i = 0; i < l->n; i++) {
        const suppression *s = si->by_finding[i];
        if (!s)
            continue;
        const finding *f = &l->items[i];
        fprintf(out, "%s:%u:%u: suppressed: %s [refflow-%s]; reason: %s\n",
                f->loc.file ? f->loc.file : "<unknown>", f->loc.line, f->loc.col, f->message,
                f->check, s->reason[0] ? s->reason : "(none given)");
    }
}
