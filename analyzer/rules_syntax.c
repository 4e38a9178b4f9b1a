/* rules_syntax.c: the rule language's tokens in both directions: token text
 * to rule_ret / rule_param / rule_varargs, and a rule back to its line
 * (rules_format, rules_format_line). The token spellings here are the
 * format documented in rules/README.md; they are the only place those
 * spellings live. */
#include "rules_internal.h"

#include <string.h>

static const char *const ret_names[] = {
    [RULE_RET_VALUE] = "value",
    [RULE_RET_NEW] = "new",
    [RULE_RET_NEW_OR_NULL] = "new?",
    [RULE_RET_BORROWED] = "borrowed",
    [RULE_RET_BORROWED_OR_NULL] = "borrowed?",
    [RULE_RET_STATUS] = "status",
    [RULE_RET_TRUTH] = "truth",
    [RULE_RET_NORETURN] = "noreturn",
    [RULE_RET_NULL] = "null",
    [RULE_RET_ARG] = "argN",
    [RULE_RET_UNKNOWN] = "unknown",
    [RULE_RET_NEW_OR_ABSENT] = "new-or-null",
    [RULE_RET_LOOKUP] = "lookup",
    [RULE_RET_NONNULL] = "nonnull",
};
#define N_RET ((int)(sizeof ret_names / sizeof ret_names[0]))

static const char *const arg_names[] = {
    [RULE_ARG_IGNORE] = "-",
    [RULE_ARG_BORROW] = "borrow",
    [RULE_ARG_STEAL] = "steal",
    [RULE_ARG_STEAL_ON_SUCCESS] = "steal-on-success",
    [RULE_ARG_INCREF] = "incref",
    [RULE_ARG_DECREF] = "decref",
    [RULE_ARG_OUT_NEW] = "out-new",
    [RULE_ARG_OUT_BORROWED] = "out-borrowed",
    [RULE_ARG_INOUT_NEW] = "inout-new",
    [RULE_ARG_CLEAR] = "clear",
    [RULE_ARG_MOVE_OUT] = "move-out",
    [RULE_ARG_KEEP] = "keep",
    [RULE_ARG_FREE] = "free",
    [RULE_ARG_REVIVE] = "revive",
};
#define N_ARG ((int)(sizeof arg_names / sizeof arg_names[0]))

static const char *const varargs_names[] = {
    [RULE_VA_NONE] = "",
    [RULE_VA_BORROW] = "...",
    [RULE_VA_BUILD] = "...build",
    [RULE_VA_PARSE] = "...parse",
};
#define N_VA ((int)(sizeof varargs_names / sizeof varargs_names[0]))

#define FMT_TOKEN "fmt"
#define STORE_TOKEN "store" /* a borrow whose pointer the callee stores (rule_fn.stores) */
#define STORE_OK_TOKEN "store-on-success" /* the same, on success only */

const char *rule_ret_name(rule_ret r) {
    return (int)r >= 0 && (int)r < N_RET ? ret_names[r] : "?";
}

const char *rule_arg_name(rule_arg a) {
    return (int)a >= 0 && (int)a < N_ARG ? arg_names[a] : "?";
}

const char *rule_varargs_name(rule_varargs v) {
    return (int)v >= 0 && (int)v < N_VA ? varargs_names[v] : "?";
}

int rules_ret_arg_index(const char *tok) {
    if (strncmp(tok, "arg", 3) != 0 || tok[3] < '1' || tok[3] > '9')
        return -1;
    int n = 0;
    for (const char *p = tok + 3; *p; p++) {
        if (*p < '0' || *p > '9' || n > 32)
            return -1;
        n = n * 10 + (*p - '0');
    }
    return n >= 1 && n <= 32 ? n - 1 : -1;
}

bool rules_returns_arg_new(const rule_fn *r) {
    return r->ret == RULE_RET_ARG && r->ret_arg < r->nparams &&
           r->params[r->ret_arg].effect == RULE_ARG_INCREF;
}

bool rules_ret_tells_success(rule_ret r) {
    return r == RULE_RET_STATUS || r == RULE_RET_TRUTH || r == RULE_RET_NEW_OR_NULL ||
           r == RULE_RET_BORROWED_OR_NULL;
}

bool rules_ret_from_token(const char *tok, rule_ret *out) {
    if (rules_ret_arg_index(tok) >= 0) {
        *out = RULE_RET_ARG;
        return true;
    }
    for (int i = 0; i < N_RET; i++)
        if (i != RULE_RET_ARG && strcmp(tok, ret_names[i]) == 0) {
            *out = (rule_ret)i;
            return true;
        }
    return false;
}

/* Only borrow, steal, incref and decref may carry the "?" suffix. */
static bool may_be_nullable(rule_arg a) {
    return a == RULE_ARG_BORROW || a == RULE_ARG_STEAL || a == RULE_ARG_STEAL_ON_SUCCESS ||
           a == RULE_ARG_INCREF || a == RULE_ARG_DECREF;
}

static int store_kind(const char *tok) {
    if (strcmp(tok, STORE_TOKEN) == 0 || strcmp(tok, STORE_TOKEN "?") == 0)
        return RULES_STORE;
    if (strcmp(tok, STORE_OK_TOKEN) == 0 || strcmp(tok, STORE_OK_TOKEN "?") == 0)
        return RULES_STORE_ON_SUCCESS;
    return 0;
}

bool rules_param_from_token(const char *tok, rule_param *out, bool *is_fmt, int *store) {
    size_t len = strlen(tok);
    bool q = len > 1 && tok[len - 1] == '?';
    *is_fmt = strcmp(tok, FMT_TOKEN) == 0;
    *store = store_kind(tok);
    out->effect = *store ? RULE_ARG_BORROW : RULE_ARG_IGNORE; /* the store: the front end's */
    out->nullable = *store && q;
    if (*is_fmt || *store)
        return true;
    for (int i = 0; i < N_ARG; i++) {
        size_t n = strlen(arg_names[i]);
        if (len != n + q || strncmp(tok, arg_names[i], n) != 0)
            continue;
        if (q && !may_be_nullable((rule_arg)i))
            return false;
        out->effect = (rule_arg)i;
        out->nullable = q;
        return true;
    }
    return false;
}

bool rules_varargs_from_token(const char *tok, rule_varargs *out) {
    for (int i = 1; i < N_VA; i++)
        if (strcmp(tok, varargs_names[i]) == 0) {
            *out = (rule_varargs)i;
            return true;
        }
    return false;
}

void rules_note_store(rule_fn *r, int k, int store) {
    if (!store || k < 0 || k >= 32)
        return;
    r->stores |= 1u << k;
    if (store == RULES_STORE_ON_SUCCESS)
        r->stores_on_success |= 1u << k;
}

static void format_param(const rule_fn *r, int i, FILE *out) {
    if (i == r->format_index && r->varargs >= RULE_VA_BUILD) {
        fputs(" " FMT_TOKEN, out);
        return;
    }
    bool store = i < 32 && (r->stores >> i & 1u);
    bool on_success = i < 32 && (r->stores_on_success >> i & 1u);
    fprintf(out, " %s%s",
            on_success ? STORE_OK_TOKEN : store ? STORE_TOKEN : rule_arg_name(r->params[i].effect),
            r->params[i].nullable ? "?" : "");
}

void rules_format(const rule_fn *r, FILE *out) {
    if (r->ret == RULE_RET_ARG)
        fprintf(out, "fn %s arg%d", r->name, r->ret_arg + 1);
    else
        fprintf(out, "fn %s %s", r->name, rule_ret_name(r->ret));
    for (int i = 0; i < r->nparams; i++)
        format_param(r, i, out);
    if (r->varargs != RULE_VA_NONE)
        fprintf(out, " %s", rule_varargs_name(r->varargs));
}

void rules_format_line(const rule_fn *r, FILE *out) {
    rules_format(r, out);
    if (r->source)
        fprintf(out, "  # source: %s", r->source);
}

static void format_names(const name_list *l, const char *kw, FILE *out) {
    for (int i = 0; i < l->count; i++)
        fprintf(out, "%s %s\n", kw, l->names[i]);
}

void rules_format_declarations(const rule_set *rs, FILE *out) {
    format_names(&rs->types, "type", out);
    format_names(&rs->fields, "refcount-field", out);
}

void rules_format_directives(const rule_set *rs, FILE *out) {
    format_names(&rs->trusted, "trusted", out);
    format_names(&rs->error_checks, "error-check", out);
    format_names(&rs->size_setters, "size-setter", out);
    format_names(&rs->error_clears, "error-clear", out);
    format_names(&rs->module_states, "module-state", out);
    for (int i = 0; i < rs->cannot_fail_names.count; i++) {
        const rule_cannot_fail *r = &rs->cannot_fail[i];
        if (r->nfrom == 0 && r->nafter == 0) {
            fprintf(out, "cannot-fail %s arg%d %lld %lld\n", r->name, r->arg + 1, r->lo, r->hi);
            continue;
        }
        fprintf(out, "cannot-fail %s arg%d %s", r->name, r->arg + 1, r->nfrom ? "from" : "after");
        for (int k = 0; k < r->nfrom; k++)
            fprintf(out, " %s", r->from[k]);
        for (int k = 0; k < r->nafter; k++)
            fprintf(out, " %s:arg%d", r->after[k], r->after_arg[k] + 1);
        fputc('\n', out);
    }
}

void rules_format_set(const rule_set *rs, FILE *out) {
    rules_format_declarations(rs, out);
    for (int i = 0; i < rs->fn_names.count; i++) {
        rules_format_line(rs->fns[i], out);
        fputc('\n', out);
    }
    rules_format_directives(rs, out);
}
