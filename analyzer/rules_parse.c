/* rules_parse.c: reads rule text (one line at a time) and annotation
 * payloads into a rule_set. Every error names the set, the line and the bad
 * token ("rules/my.rules:12: unknown return token 'nwe' ..."); parsing stops
 * at the first bad line and the rules before it stay (see rules.h). Assumes
 * rule text is ASCII; lines may end in \n or \r\n. */
#include "rules_internal.h"

#include "input_file.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#define MAX_TOKENS (RULES_MAX_PARAMS + 8)

/* One line being parsed: its tokens, its source comment, where it is. */
typedef struct line_ctx {
    rule_set *rs;
    const char *file;    /* owned by rs's arena */
    int line;
    char *tok[MAX_TOKENS];
    int ntok;
    bool overflow;       /* more tokens than MAX_TOKENS */
    char *source;        /* text after "# source:", or NULL */
    char *err;
    size_t errlen;
} line_ctx;

__attribute__((format(printf, 2, 3)))
static bool fail(line_ctx *c, const char *fmt, ...) {
    if (!c->err || c->errlen == 0)
        return false;
    int n = snprintf(c->err, c->errlen, "%s:%d: ", c->file, c->line);
    if (n < 0 || (size_t)n >= c->errlen)
        return false;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(c->err + n, c->errlen - (size_t)n, fmt, ap);
    va_end(ap);
    return false;
}

static char *trim(char *s) {
    while (isspace((unsigned char)*s))
        s++;
    char *e = s + strlen(s);
    while (e > s && isspace((unsigned char)e[-1]))
        *--e = '\0';
    return s;
}

/* Splits off the comment (keeping a "source:" one) and tokenizes the rest. */
static void split_line(line_ctx *c, char *s) {
    char *hash = strchr(s, '#');
    c->source = NULL;
    if (hash) {
        *hash = '\0';
        char *comment = trim(hash + 1);
        if (strncmp(comment, "source:", 7) == 0 && *trim(comment + 7))
            c->source = trim(comment + 7);
    }
    c->ntok = 0;
    c->overflow = false;
    for (;;) {
        while (isspace((unsigned char)*s))
            s++;
        if (!*s)
            return;
        if (c->ntok == MAX_TOKENS) {
            c->overflow = true;
            return;
        }
        c->tok[c->ntok++] = s;
        while (*s && !isspace((unsigned char)*s))
            s++;
        if (*s)
            *s++ = '\0';
    }
}

static bool is_identifier(const char *s) {
    if (!isalpha((unsigned char)*s) && *s != '_')
        return false;
    for (s++; *s; s++)
        if (!isalnum((unsigned char)*s) && *s != '_')
            return false;
    return true;
}

static bool check_name(line_ctx *c, const char *kw) {
    if (c->ntok < 2)
        return fail(c, "missing NAME after '%s'", kw);
    if (!is_identifier(c->tok[1]))
        return fail(c, "bad name '%s' after '%s' (expected a C identifier)", c->tok[1], kw);
    return true;
}

/* A slot name "STRUCT.FIELD": two identifiers joined by one dot. */
static bool is_slot_name(const char *s) {
    const char *dot = strchr(s, '.');
    if (!dot || dot == s || strchr(dot + 1, '.'))
        return false;
    char head[256];
    size_t n = (size_t)(dot - s);
    if (n >= sizeof head)
        return false;
    memcpy(head, s, n);
    head[n] = '\0';
    return is_identifier(head) && is_identifier(dot + 1);
}

/* fn NAME: a function (a C identifier) or a struct's function-pointer
 * field (STRUCT.FIELD: calls through p->FIELD). */
static bool check_fn_name(line_ctx *c) {
    if (c->ntok >= 2 && is_slot_name(c->tok[1]))
        return true;
    if (c->ntok < 2 || is_identifier(c->tok[1]))
        return check_name(c, "fn");
    return fail(c, "bad name '%s' after 'fn' (expected a C identifier or STRUCT.FIELD)",
                c->tok[1]);
}

/* "type NAME", "refcount-field NAME", "trusted NAME", "error-check NAME",
 * "error-clear NAME", "size-setter NAME", "module-state NAME". */
static bool parse_name_line(line_ctx *c) {
    if (!check_name(c, c->tok[0]))
        return false;
    if (c->ntok > 2)
        return fail(c, "unexpected '%s' after '%s %s'", c->tok[2], c->tok[0], c->tok[1]);
    rule_set *rs = c->rs;
    if (strcmp(c->tok[0], "type") == 0)
        rules_list_add(rs, &rs->types, c->tok[1]);
    else if (strcmp(c->tok[0], "refcount-field") == 0)
        rules_list_add(rs, &rs->fields, c->tok[1]);
    else if (strcmp(c->tok[0], "error-check") == 0)
        rules_list_add(rs, &rs->error_checks, c->tok[1]);
    else if (strcmp(c->tok[0], "size-setter") == 0)
        rules_list_add(rs, &rs->size_setters, c->tok[1]);
    else if (strcmp(c->tok[0], "error-clear") == 0)
        rules_list_add(rs, &rs->error_clears, c->tok[1]);
    else if (strcmp(c->tok[0], "module-state") == 0)
        rules_list_add(rs, &rs->module_states, c->tok[1]);
    else
        rules_put_trusted(rs, c->tok[1]);
    return true;
}

/* A whole decimal integer (optionally signed) that fits a long long. */
static bool parse_int_token(const char *tok, long long *out) {
    char *end;
    errno = 0;
    long long v = strtoll(tok, &end, 10);
    if (end == tok || *end || errno == ERANGE)
        return false;
    *out = v;
    return true;
}

/* "argN" (N in 1..RULES_MAX_PARAMS) into *k, 0-based. */
static bool parse_arg_token(const char *tok, int *k) {
    long long n;
    if (strncmp(tok, "arg", 3) != 0 || !parse_int_token(tok + 3, &n) || tok[3] == '-' ||
        tok[3] == '+' || n < 1 || n > RULES_MAX_PARAMS)
        return false;
    *k = (int)n - 1;
    return true;
}

/* The argN token of a cannot-fail line into r->arg. */
static bool parse_cannot_fail_arg(line_ctx *c, rule_cannot_fail *r) {
    if (!parse_arg_token(c->tok[2], &r->arg))
        return fail(c, "bad argument '%s' after 'cannot-fail %s' (expected arg1..arg%d)",
                    c->tok[2], c->tok[1], RULES_MAX_PARAMS);
    return true;
}

/* "CALL:argK" at tok[i] of an after list: the name cut at the colon. */
static bool parse_after_call(line_ctx *c, int i, rule_cannot_fail *r) {
    char *colon = strchr(c->tok[i], ':');
    int k;
    if (!colon || !parse_arg_token(colon + 1, &k))
        return fail(c, "bad call '%s' after 'cannot-fail %s %s after' (expected CALL:argK, "
                       "K in 1..%d)", c->tok[i], c->tok[1], c->tok[2], RULES_MAX_PARAMS);
    *colon = '\0';
    bool name_ok = is_identifier(c->tok[i]);
    if (!name_ok) {
        *colon = ':';
        return fail(c, "bad name in '%s' after 'cannot-fail %s %s after' (expected a C "
                       "identifier)", c->tok[i], c->tok[1], c->tok[2]);
    }
    for (int j = 0; j < r->nafter; j++)
        if (r->after_arg[j] == k && strcmp(r->after[j], c->tok[i]) == 0) {
            *colon = ':';
            return fail(c, "'%s' named twice after 'cannot-fail %s %s after'", c->tok[i],
                        c->tok[1], c->tok[2]);
        }
    r->after[r->nafter] = c->tok[i];
    r->after_arg[r->nafter++] = k;
    return true;
}

/* "... from CALL..." or "... after CALL:argK...": the calls from tok[4]
 * on, each once. */
static bool parse_cannot_fail_list(line_ctx *c, rule_cannot_fail *r, bool after,
                                   const char **names, int *args) {
    const char *kw = after ? "after" : "from";
    if (c->ntok < 5)
        return fail(c, "'cannot-fail %s %s %s' needs at least one call after '%s' (e.g. %s)",
                    c->tok[1], c->tok[2], kw, kw,
                    after ? "'cannot-fail _PyUnicode_FromId arg1 after _PyUnicode_FromId:arg1'"
                          : "'cannot-fail PyType_GetName arg1 from PyType_FromSpec'");
    if (c->overflow)
        return fail(c, "too many calls after 'cannot-fail %s %s %s' (at most %d)", c->tok[1],
                    c->tok[2], kw, MAX_TOKENS - 4);
    r->after = names;
    r->after_arg = args;
    for (int i = 4; i < c->ntok; i++) {
        if (after && !parse_after_call(c, i, r))
            return false;
        if (after)
            continue;
        if (!is_identifier(c->tok[i]))
            return fail(c, "bad name '%s' after 'cannot-fail %s %s from' (expected a C "
                           "identifier)", c->tok[i], c->tok[1], c->tok[2]);
        for (int j = 4; j < i; j++)
            if (strcmp(c->tok[j], c->tok[i]) == 0)
                return fail(c, "'%s' named twice after 'cannot-fail %s %s from'", c->tok[i],
                            c->tok[1], c->tok[2]);
    }
    if (!after) {
        r->from = (const char **)&c->tok[4];
        r->nfrom = c->ntok - 4;
    }
    return true;
}

/* "cannot-fail NAME argN LO HI", "cannot-fail NAME argN from CALL..." or
 * "cannot-fail NAME argN after CALL:argK...". */
static bool parse_cannot_fail_line(line_ctx *c) {
    if (!check_name(c, "cannot-fail"))
        return false;
    bool from = c->ntok >= 4 && strcmp(c->tok[3], "from") == 0;
    bool after = c->ntok >= 4 && strcmp(c->tok[3], "after") == 0;
    if (c->ntok != 5 && !from && !after)
        return fail(c, "'cannot-fail %s' needs argN LO HI, argN from CALL... or argN after "
                       "CALL:argK... (e.g. 'cannot-fail PyLong_FromLong arg1 -5 256')",
                    c->tok[1]);
    rule_cannot_fail r = {.name = c->tok[1]};
    const char *names[MAX_TOKENS];
    int args[MAX_TOKENS];
    if (!parse_cannot_fail_arg(c, &r))
        return false;
    if ((from || after) && !parse_cannot_fail_list(c, &r, after, names, args))
        return false;
    if (!from && !after &&
        (!parse_int_token(c->tok[3], &r.lo) || !parse_int_token(c->tok[4], &r.hi)))
        return fail(c, "bad range '%s %s' after 'cannot-fail %s %s' (expected two integers, "
                       "'from' or 'after')", c->tok[3], c->tok[4], c->tok[1], c->tok[2]);
    if (!from && !after && r.lo > r.hi)
        return fail(c, "empty range %lld..%lld after 'cannot-fail %s %s'", r.lo, r.hi,
                    c->tok[1], c->tok[2]);
    if (!rules_put_cannot_fail(c->rs, &r))
        return fail(c, after ? "too many 'cannot-fail ... after' rules in the rule set (at "
                               "most %d)"
                             : "too many calls named after 'from' in the rule set (at most "
                               "%d different ones)",
                    after ? RULES_MAX_AFTER : RULES_MAX_PRODUCERS);
    return true;
}

#define RET_TOKENS "value, new, new?, borrowed, borrowed?, status, truth, noreturn, null, " \
                   "argN, unknown, new-or-null, lookup or nonnull"

static bool parse_ret(line_ctx *c, rule_fn *r) {
    if (c->ntok < 3)
        return fail(c, "missing return token after 'fn %s' (expected " RET_TOKENS ")",
                    c->tok[1]);
    if (!rules_ret_from_token(c->tok[2], &r->ret))
        return fail(c, "unknown return token '%s' (expected " RET_TOKENS ")", c->tok[2]);
    r->ret_arg = rules_ret_arg_index(c->tok[2]);
    return true;
}

static bool bad_param(line_ctx *c, const char *tok) {
    size_t n = strlen(tok);
    rule_param p;
    bool fmt;
    int store;
    char base[64];
    if (n > 1 && n < sizeof base && tok[n - 1] == '?') {
        memcpy(base, tok, n - 1);
        base[n - 1] = '\0';
        if (rules_param_from_token(base, &p, &fmt, &store))
            return fail(c, "'%s': only borrow, store, store-on-success, steal, "
                           "steal-on-success, incref and decref take a '?' suffix", tok);
    }
    return fail(c, "unknown argument token '%s' (expected -, borrow, store, store-on-success, "
                   "keep, steal, steal-on-success, incref, decref, free, out-new, out-borrowed, "
                   "inout-new or fmt)", tok);
}

static bool parse_varargs(line_ctx *c, rule_fn *r, int i) {
    if (!rules_varargs_from_token(c->tok[i], &r->varargs))
        return fail(c, "unknown varargs token '%s' (expected ..., ...build or ...parse)",
                    c->tok[i]);
    if (i + 1 < c->ntok)
        return fail(c, "unexpected '%s' after the varargs token '%s' (it must be last)",
                    c->tok[i + 1], c->tok[i]);
    return true;
}

/* One ARG token at tok[i] into params[k]. */
static bool parse_param(line_ctx *c, rule_fn *r, int i, int k) {
    bool fmt;
    int store;
    if (!rules_param_from_token(c->tok[i], &r->params[k], &fmt, &store))
        return bad_param(c, c->tok[i]);
    rules_note_store(r, k, store);
    if (fmt && r->format_index >= 0)
        return fail(c, "second 'fmt' token (argument %d); a rule has one format string", k + 1);
    if (fmt)
        r->format_index = k;
    return true;
}

static bool parse_params(line_ctx *c, rule_fn *r) {
    r->params = ARENA_ARRAY(&c->rs->mem, rule_param, RULES_MAX_PARAMS);
    for (int i = 3; i < c->ntok; i++) {
        if (strncmp(c->tok[i], "...", 3) == 0)
            return parse_varargs(c, r, i);
        if (r->nparams == RULES_MAX_PARAMS)
            return fail(c, "too many argument tokens at '%s' (at most %d)", c->tok[i],
                        RULES_MAX_PARAMS);
        if (!parse_param(c, r, i, r->nparams))
            return false;
        r->nparams++;
    }
    if (c->overflow)
        return fail(c, "too many argument tokens (at most %d)", RULES_MAX_PARAMS);
    return true;
}

/* Cross-token checks: fmt goes with ...build/...parse (...build needs one;
 * ...parse without one means every extra argument is a PyObject ** output,
 * as in PyArg_UnpackTuple), steal-on-success with a result that says
 * success. */
static bool check_fn(line_ctx *c, rule_fn *r) {
    bool fmt_va = r->varargs == RULE_VA_BUILD || r->varargs == RULE_VA_PARSE;
    if (r->format_index >= 0 && !fmt_va)
        return fail(c, "'fmt' (argument %d) needs a '...build' or '...parse' varargs token",
                    r->format_index + 1);
    if (r->varargs == RULE_VA_BUILD && r->format_index < 0)
        return fail(c, "'...build' needs a 'fmt' argument token (the format string)");
    if (r->ret == RULE_RET_ARG && (r->ret_arg >= r->nparams ||
                                   (r->params[r->ret_arg].effect != RULE_ARG_BORROW &&
                                    r->params[r->ret_arg].effect != RULE_ARG_INCREF)))
        return fail(c, "'arg%d' returns argument %d, which must be described as 'borrow' or "
                       "'incref'", r->ret_arg + 1, r->ret_arg + 1);
    for (int k = 0; k < r->nparams && k < 32; k++)
        if ((r->stores_on_success >> k & 1u) && r->ret != RULE_RET_STATUS &&
            r->ret != RULE_RET_TRUTH)
            return fail(c, "'store-on-success' (argument %d) needs a 'status' or 'truth' "
                           "return, not '%s'", k + 1, rule_ret_name(r->ret));
    for (int k = 0; k < r->nparams; k++)
        if (r->params[k].effect == RULE_ARG_STEAL_ON_SUCCESS && !rules_ret_tells_success(r->ret))
            return fail(c, "'steal-on-success' (argument %d) needs a 'status', 'truth', 'new?' "
                           "or 'borrowed?' return, not '%s'", k + 1, rule_ret_name(r->ret));
    int moves = 0;
    for (int k = 0; k < r->nparams; k++)
        moves += r->params[k].effect == RULE_ARG_MOVE_OUT;
    if (moves > 1)
        return fail(c, "at most one 'move-out' argument (the result is its reference)");
    if (moves == 1 && r->ret != RULE_RET_VALUE)
        return fail(c, "'move-out' needs the return token 'value' (the result is the "
                       "moved reference), not '%s'", rule_ret_name(r->ret));
    return true;
}

static bool parse_fn_line(line_ctx *c) {
    if (!check_fn_name(c))
        return false;
    rule_fn *r = ARENA_NEW(&c->rs->mem, rule_fn);
    r->name = c->tok[1];
    r->format_index = -1;
    r->file = c->file;
    r->line = c->line;
    if (!parse_ret(c, r) || !parse_params(c, r) || !check_fn(c, r))
        return false;
    r->source = arena_strdup(&c->rs->mem, c->source);
    rules_put_fn(c->rs, r);
    return true;
}

static bool parse_line(line_ctx *c, char *s) {
    split_line(c, s);
    if (c->ntok == 0)
        return true;
    const char *kw = c->tok[0];
    if (strcmp(kw, "fn") == 0)
        return parse_fn_line(c);
    if (strcmp(kw, "type") == 0 || strcmp(kw, "refcount-field") == 0 ||
        strcmp(kw, "trusted") == 0 || strcmp(kw, "error-check") == 0 ||
        strcmp(kw, "size-setter") == 0 || strcmp(kw, "error-clear") == 0 ||
        strcmp(kw, "module-state") == 0)
        return parse_name_line(c);
    if (strcmp(kw, "cannot-fail") == 0)
        return parse_cannot_fail_line(c);
    return fail(c, "unknown keyword '%s' (expected fn, type, refcount-field, trusted, "
                   "error-check, error-clear, size-setter, module-state or cannot-fail)", kw);
}

bool rules_parse(rule_set *rs, const char *name, const char *text, char *err, size_t errlen) {
    return rules_parse_at(rs, name, 1, text, err, errlen);
}

bool rules_parse_at(rule_set *rs, const char *name, int first_line, const char *text,
                    char *err, size_t errlen) {
    line_ctx c = {.rs = rs, .file = arena_strdup(&rs->mem, name), .err = err,
                  .errlen = errlen};
    const char *p = text;
    for (c.line = first_line; *p; c.line++) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        char *buf = malloc(len + 1);
        if (!buf)
            abort();
        memcpy(buf, p, len);
        buf[len] = '\0';
        bool ok = parse_line(&c, buf);
        free(buf);
        if (!ok)
            return false;
        p += nl ? len + 1 : len;
    }
    return true;
}

/* Whole file into a malloc'd NUL-terminated buffer (caller frees), or NULL
 * with *why set. Rejects NUL bytes inside by treating them as the end. */
static char *read_all(const char *path, const char **why) {
    FILE *f = input_open(path, "rb", why);
    if (!f)
        return NULL;
    size_t cap = 4096, len = 0;
    char *buf = malloc(cap);
    while (buf) {
        if (len + 1 == cap) {
            char *bigger = realloc(buf, cap *= 2);
            if (!bigger)
                free(buf);
            buf = bigger;
            continue;
        }
        size_t n = fread(buf + len, 1, cap - len - 1, f);
        if (n == 0)
            break;
        len += n;
    }
    int bad = ferror(f);
    fclose(f);
    if (!buf || bad) {
        free(buf);
        *why = strerror(bad ? EIO : ENOMEM);
        return NULL;
    }
    buf[len] = '\0';
    return buf;
}

bool rules_load_file(rule_set *rs, const char *path, char *err, size_t errlen) {
    const char *why = "";
    char *text = read_all(path, &why);
    if (!text) {
        if (err && errlen)
            snprintf(err, errlen, "%s: cannot read rule file: %s", path, why);
        return false;
    }
    bool ok = rules_parse(rs, path, text, err, errlen);
    free(text);
    return ok;
}
