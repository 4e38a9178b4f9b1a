/* baseline.c: reading and writing baselines, and the report filter (see
 * baseline.h). A loaded baseline is a sorted array of fingerprints. */
#include "baseline.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "input_file.h"

struct baseline {
    uint64_t *fp;
    int n, cap;
};

static void *xcalloc(size_t n, size_t size) {
    void *p = calloc(n ? n : 1, size);
    if (!p)
        abort();
    return p;
}

static void add_fp(baseline *b, uint64_t fp) {
    if (b->n == b->cap) {
        b->cap = b->cap ? b->cap * 2 : 64;
        b->fp = realloc(b->fp, sizeof *b->fp * (size_t)b->cap);
        if (!b->fp)
            abort();
    }
    b->fp[b->n++] = fp;
}

static int cmp_fp(const void *a, const void *b) {
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static bool only_blanks(const char *s) {
    while (is_space(*s))
        s++;
    return *s == '\0';
}

/* One line of the body; false with the reason in why. */
static bool parse_entry(baseline *b, const char *s, const char **why) {
    uint64_t fp;
    if (!fp_parse(s, &fp)) {
        *why = "expected a fingerprint of 16 hex digits at the start of the line";
        return false;
    }
    s += FP_HEX_LEN;
    if (*s != '\t' && *s != ' ') {
        *why = "expected a tab or space after the 16-hex-digit fingerprint";
        return false;
    }
    while (*s == '\t' || *s == ' ')
        s++;
    if (is_space(*s) || !*s) {
        *why = "expected the check ID after the fingerprint";
        return false;
    }
    add_fp(b, fp);
    return true;
}

/* Checks the header line; false with the reason in why. */
static bool check_header(const char *line, const char **why) {
    size_t n = strlen(BASELINE_HEADER);
    if (strncmp(line, BASELINE_HEADER, n) == 0 && only_blanks(line + n))
        return true;
    *why = strncmp(line, "# refflow baseline v", 20) == 0
               ? "unsupported baseline version (this refflow reads v1)"
               : "not a refflow baseline: the first line must be '" BASELINE_HEADER "'";
    return false;
}

static bool read_lines(FILE *in, baseline *b, const char *path, char *err, size_t errlen) {
    char *line = NULL;
    size_t cap = 0;
    int lineno = 0;
    const char *why = NULL;
    while (!why && getline(&line, &cap, in) >= 0) {
        lineno++;
        if (lineno == 1)
            check_header(line, &why);
        else if (line[0] != '#' && !only_blanks(line))
            parse_entry(b, line, &why);
    }
    if (!why && lineno == 0) {
        why = "empty file: the first line must be '" BASELINE_HEADER "'";
        lineno = 1;
    }
    if (why)
        snprintf(err, errlen, "%s:%d: malformed baseline: %s", path, lineno, why);
    free(line);
    return why == NULL;
}

baseline *baseline_load(const char *path, char *err, size_t errlen) {
    const char *why = "";
    FILE *in = input_open(path, "r", &why);
    if (!in) {
        snprintf(err, errlen, "%s: cannot read the baseline: %s", path, why);
        return NULL;
    }
    baseline *b = xcalloc(1, sizeof *b);
    bool ok = read_lines(in, b, path, err, errlen);
    if (ok && ferror(in)) {
        snprintf(err, errlen, "%s: cannot read the baseline: %s", path, strerror(errno));
        ok = false;
    }
    fclose(in);
    if (!ok) {
        baseline_free(b);
        return NULL;
    }
    if (b->n)
        qsort(b->fp, (size_t)b->n, sizeof *b->fp, cmp_fp);
    return b;
}

bool baseline_has(const baseline *b, uint64_t fp) {
    return b && b->n && bsearch(&fp, b->fp, (size_t)b->n, sizeof *b->fp, cmp_fp) != NULL;
}

int baseline_count(const baseline *b) {
    return b ? b->n : 0;
}

void baseline_free(baseline *b) {
    if (!b)
        return;
    free(b->fp);
    free(b);
}

/* The message on one line: newlines and tabs become spaces. */
static void put_flat(FILE *out, const char *s) {
    for (; s && *s; s++)
        fputc(*s == '\n' || *s == '\t' || *s == '\r' ? ' ' : *s, out);
}

static void write_entry(FILE *out, const finding *f, uint64_t fp, const char *root) {
    char hex[FP_HEX_LEN + 1];
    char *rel = fp_relpath(f->loc.file, root);
    fprintf(out, "%s\t%s\t", fp_format(fp, hex), f->check);
    put_flat(out, rel);
    fprintf(out, ":%u\t", f->loc.line);
    put_flat(out, f->message);
    fputc('\n', out);
    free(rel);
}

bool baseline_write(const char *path, const ci_findings *cf, char *err, size_t errlen) {
    FILE *out = fopen(path, "w");
    if (!out) {
        snprintf(err, errlen, "%s: cannot write the baseline: %s", path, strerror(errno));
        return false;
    }
    fputs(BASELINE_HEADER "\n"
          "# Findings known when this file was written: `refflow check --baseline FILE`\n"
          "# reports only findings whose fingerprint is not listed here.\n"
          "# FINGERPRINT<TAB>CHECK<TAB>FILE:LINE<TAB>MESSAGE; only FINGERPRINT is compared.\n",
          out);
    for (int i = 0; i < cf->all->n; i++)
        if (!cf->sup.by_finding[i])
            write_entry(out, &cf->all->items[i], cf->fp[i], cf->source_root);
    if (fclose(out) != 0) {
        snprintf(err, errlen, "%s: writing the baseline failed: %s", path, strerror(errno));
        return false;
    }
    return true;
}

/* Builds the view of the findings to report. */
static void select_shown(ci_findings *cf) {
    const finding_list *all = cf->all;
    finding_list_init(&cf->shown);
    cf->shown.items = xcalloc((size_t)all->n + 1, sizeof(finding));
    cf->shown_fp = xcalloc((size_t)all->n + 1, sizeof(uint64_t));
    for (int i = 0; i < all->n; i++) {
        if (cf->sup.by_finding[i] || cf->known[i])
            continue;
        cf->shown_fp[cf->shown.n] = cf->fp[i];
        cf->shown.items[cf->shown.n++] = all->items[i];
    }
    cf->shown.cap = all->n;
}

bool ci_filter(const check_options *o, const baseline *bl, const finding_list *all, FILE *diag,
               ci_findings *out) {
    memset(out, 0, sizeof *out);
    out->all = all;
    out->source_root = o->source_root;
    out->fp = xcalloc((size_t)all->n + 1, sizeof(uint64_t));
    out->known = xcalloc((size_t)all->n + 1, sizeof(bool));
    fp_sources *src = fp_sources_new();
    fp_compute(all, src, o->source_root, out->fp);
    suppress_find(all, src, diag, &out->sup);
    fp_sources_free(src);
    for (int i = 0; i < all->n; i++) {
        out->known[i] = !out->sup.by_finding[i] && baseline_has(bl, out->fp[i]);
        out->nknown += out->known[i];
    }
    select_shown(out);
    char err[1024];
    if (o->write_baseline && !baseline_write(o->write_baseline, out, err, sizeof err)) {
        fprintf(stderr, "refflow: error: %s\n", err);
        return false;
    }
    return true;
}

void ci_findings_free(ci_findings *cf) {
    free(cf->fp);
    free(cf->known);
    free(cf->shown.items); /* a view: the findings belong to cf->all */
    free(cf->shown_fp);
    suppress_info_free(&cf->sup);
    memset(cf, 0, sizeof *cf);
}

void ci_summary(FILE *out, const ci_findings *cf, int files, int skipped) {
    char *line = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&line, &len);
    if (!mem) {
        report_summary(out, &cf->shown, files, skipped);
        return;
    }
    report_summary(mem, &cf->shown, files, skipped);
    fclose(mem);
    while (len && line[len - 1] == '\n')
        line[--len] = '\0';
    fputs(line, out);
    if (cf->sup.count)
        fprintf(out, "; %d suppressed", cf->sup.count);
    if (cf->nknown)
        fprintf(out, "; %d in the baseline", cf->nknown);
    fputc('\n', out);
    free(line);
}
