/* rulegen_extra.c: applies the hand-kept extra table (rules/cpython_extra.txt)
 * to the rules read from refcounts.dat.
 *
 * The table is in the rule-file format (rules/README.md) plus two line kinds:
 *   patch NAME PAYLOAD...   change parts of NAME's rule: ret=T, argN=T, varargs=T
 *   drop NAME               remove NAME (a macro refflow sees through)
 * A "fn" line replaces NAME's entry or appends a new one; "type",
 * "refcount-field" and "trusted" lines are copied to the output. Each line is
 * checked by the analyzer's own rule parser, so the table cannot hold a rule
 * the analyzer would reject. Assumes one line per rule (no continuations). */
#include "rulegen.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define MAX_WORDS 40

typedef struct extra_ctx {
    gen_table *t;
    const char *file;    /* as given, for messages */
    const char *base;    /* basename, for "# source:" */
    int line;
    char err[512];
} extra_ctx;

static bool extra_fail(const extra_ctx *c, const char *what, const char *tok) {
    fprintf(stderr, "%s:%d: %s '%s'\n", c->file, c->line, what, tok);
    return false;
}

static void grow_push(char ***arr, int *n, int *cap, char *s) {
    if (*n == *cap) {
        *cap = *cap ? *cap * 2 : 16;
        *arr = realloc(*arr, sizeof **arr * (size_t)*cap);
        if (!*arr)
            abort();
    }
    (*arr)[(*n)++] = s;
}

static bool is_listed(char **names, int n, const char *name) {
    for (int i = 0; i < n; i++)
        if (strcmp(names[i], name) == 0)
            return true;
    return false;
}

/* "a b", malloc'd. */
/* The words joined by single spaces (a copy). */
static char *join_words(char **w, int nw) {
    size_t len = 1;
    for (int i = 0; i < nw; i++)
        len += strlen(w[i]) + 1;
    char *s = malloc(len), *p = s;
    if (!s)
        abort();
    for (int i = 0; i < nw; i++)
        p += sprintf(p, i ? " %s" : "%s", w[i]);
    *p = '\0';
    return s;
}

/* Copies what one payload of a patch set, from the scratch rule s into r. */
static void copy_patched(gen_rule *r, const rule_fn *s, const char *payload) {
    if (strncmp(payload, "ret=", 4) == 0) {
        r->ret = s->ret;
    } else if (strncmp(payload, "varargs=", 8) == 0) {
        r->varargs = s->varargs;
    } else {
        int n = atoi(payload + 3) - 1;
        r->params[n] = s->params[n];
        r->stores = (r->stores & ~(1u << n)) | (s->stores & (1u << n));
        r->stores_on_success =
            (r->stores_on_success & ~(1u << n)) | (s->stores_on_success & (1u << n));
        if (s->format_index == n)
            r->format_index = n;
        else if (r->format_index == n)
            r->format_index = -1;
    }
}

/* "patch NAME P...": builds a scratch rule from NAME's current return plus
 * the payloads (the analyzer checks them), then copies the named parts. */
static bool do_patch(extra_ctx *c, char **w, int nw) {
    gen_rule *r = nw >= 2 ? rulegen_find(c->t, w[1]) : NULL;
    if (nw < 3 || !r || r->dropped)
        return extra_fail(c, "patch needs an existing entry and payloads; got", nw >= 2 ? w[1] : "");
    char ret[32];
    snprintf(ret, sizeof ret, "ret=%s", rule_ret_name(r->ret));
    const char *annots[MAX_WORDS];
    annots[0] = ret;
    for (int i = 2; i < nw; i++)
        annots[i - 1] = w[i];
    rule_set *scratch = rules_new();
    const rule_fn *s = NULL;
    bool ok = rules_from_annotations(scratch, r->name, annots, nw - 1, r->nparams, c->file,
                                     c->line, &s, c->err, sizeof c->err);
    if (!ok)
        fprintf(stderr, "%s\n", c->err);
    for (int i = 2; ok && i < nw; i++)
        copy_patched(r, s, w[i]);
    if (ok && r->varargs == RULE_VA_BUILD && r->format_index < 0)
        ok = extra_fail(c, "...build without an argN=fmt for", r->name);
    rules_free(scratch);
    if (r->dat_source[0])
        snprintf(r->source, sizeof r->source, "%s:%d (%s)", c->base, c->line, r->dat_source);
    else
        snprintf(r->source, sizeof r->source, "%s:%d", c->base, c->line);
    return ok;
}

static bool do_drop(extra_ctx *c, char **w, int nw) {
    gen_rule *r = nw == 2 ? rulegen_find(c->t, w[1]) : NULL;
    if (!r)
        return extra_fail(c, "drop needs one existing entry; got", nw >= 2 ? w[1] : "");
    r->dropped = true;
    return true;
}

/* A "fn" line, already accepted by the rule parser as rule f. */
static void take_fn(extra_ctx *c, const rule_fn *f) {
    gen_rule *r = rulegen_find(c->t, f->name);
    if (!r)
        r = rulegen_append(c->t, f->name);
    r->dropped = false;
    r->ret = f->ret;
    r->nparams = f->nparams;
    memset(r->params, 0, sizeof r->params);
    memcpy(r->params, f->params, sizeof *f->params * (size_t)f->nparams);
    r->varargs = f->varargs;
    r->format_index = f->format_index;
    r->stores = f->stores;
    r->stores_on_success = f->stores_on_success;
    if (f->source)
        snprintf(r->source, sizeof r->source, "%s:%d (%s)", c->base, c->line, f->source);
    else
        snprintf(r->source, sizeof r->source, "%s:%d", c->base, c->line);
}

/* fn / type / refcount-field / trusted: checked by the rule parser. */
static bool do_rule_line(extra_ctx *c, const char *text, char **w, int nw) {
    rule_set *scratch = rules_new();
    bool ok = rules_parse_at(scratch, c->file, c->line, text, c->err, sizeof c->err);
    if (!ok)
        fprintf(stderr, "%s\n", c->err);
    else if (strcmp(w[0], "fn") == 0)
        take_fn(c, rules_at(scratch, 0));
    else if (strcmp(w[0], "trusted") == 0 && !is_listed(c->t->trusted, c->t->ntrusted, w[1]))
        grow_push(&c->t->trusted, &c->t->ntrusted, &c->t->trusted_cap, strdup(w[1]));
    else if (strcmp(w[0], "trusted") != 0)
        grow_push(&c->t->header_lines, &c->t->nheader, &c->t->header_cap,
                  join_words(w, nw));
    rules_free(scratch);
    return ok;
}

/* Splits the comment-free part of s into words (s is modified). */
static int split_words(char *s, char **w) {
    int n = 0;
    char *hash = strchr(s, '#');
    if (hash)
        *hash = '\0';
    for (char *p = strtok(s, " \t\r"); p && n < MAX_WORDS; p = strtok(NULL, " \t\r"))
        w[n++] = p;
    return n;
}

static bool extra_line(extra_ctx *c, const char *line) {
    char *copy = strdup(line), *w[MAX_WORDS];
    int nw = split_words(copy, w);
    bool ok = true;
    if (nw == 0)
        ok = true;
    else if (strcmp(w[0], "patch") == 0)
        ok = do_patch(c, w, nw);
    else if (strcmp(w[0], "drop") == 0)
        ok = do_drop(c, w, nw);
    else
        ok = do_rule_line(c, line, w, nw);
    free(copy);
    return ok;
}

bool rulegen_apply_extra(gen_table *t, const char *path) {
    char *text = rulegen_read_file(path);
    if (!text) {
        fprintf(stderr, "%s: cannot read the extra table\n", path);
        return false;
    }
    extra_ctx c = {.t = t, .file = path, .base = rulegen_basename(path)};
    bool ok = true;
    char *next = NULL;
    for (char *s = text; ok && s; s = next) {
        next = strchr(s, '\n');
        if (next)
            *next++ = '\0';
        c.line++;
        ok = extra_line(&c, s);
    }
    free(text);
    return ok;
}
