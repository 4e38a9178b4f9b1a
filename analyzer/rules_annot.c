/* rules_annot.c: builds a rule from a declaration's annotate("refflow:...")
 * payloads (rules_from_annotations in rules.h). Payloads use the rule-line
 * tokens: "ret=TOKEN", "argN=TOKEN" (N 1-based), and two extensions:
 * "varargs=TOKEN" (..., ...build, ...parse) and "trusted". Unmentioned
 * parameters borrow; an unmentioned return is "value" (the front end knows
 * the declared type and decides what an unannotated object result means). */
#include "rules_internal.h"

#include <stdlib.h>
#include <string.h>

typedef struct annot_ctx {
    const char *fn, *file;
    int line;
    char *err;
    size_t errlen;
} annot_ctx;

static bool annot_fail(const annot_ctx *c, const char *what, const char *payload) {
    if (c->err && c->errlen)
        snprintf(c->err, c->errlen, "%s:%d: %s: %s in annotation 'refflow:%s'", c->file,
                 c->line, c->fn, what, payload);
    return false;
}

/* "argN=TOKEN" into r->params[N-1]. */
static bool annot_arg(const annot_ctx *c, rule_fn *r, const char *payload) {
    char *end;
    long n = strtol(payload + 3, &end, 10);
    if (end == payload + 3 || *end != '=')
        return annot_fail(c, "expected argN=TOKEN", payload);
    if (n < 1 || n > r->nparams)
        return annot_fail(c, r->nparams ? "argument number out of range"
                                        : "argument given but the function has no parameters",
                          payload);
    bool fmt;
    int store;
    if (!rules_param_from_token(end + 1, &r->params[n - 1], &fmt, &store))
        return annot_fail(c, "unknown argument token", payload);
    rules_note_store(r, (int)n - 1, store);
    if (fmt)
        r->format_index = (int)n - 1;
    return true;
}

static bool annot_one(const annot_ctx *c, rule_fn *r, const char *payload) {
    if (strncmp(payload, "ret=", 4) == 0) {
        if (!rules_ret_from_token(payload + 4, &r->ret))
            return annot_fail(c, "unknown return token", payload);
        r->ret_arg = rules_ret_arg_index(payload + 4);
        return true;
    }
    if (strncmp(payload, "arg", 3) == 0)
        return annot_arg(c, r, payload);
    if (strncmp(payload, "varargs=", 8) == 0) {
        if (!rules_varargs_from_token(payload + 8, &r->varargs))
            return annot_fail(c, "unknown varargs token", payload);
        return true;
    }
    if (strcmp(payload, "trusted") == 0) {
        r->trusted = true;
        return true;
    }
    return annot_fail(c, "unknown annotation (expected ret=, argN=, varargs= or trusted)",
                      payload);
}

static rule_fn *new_annot_rule(rule_set *rs, const char *name, int nparams,
                               const char *file, int line) {
    rule_fn *r = ARENA_NEW(&rs->mem, rule_fn);
    r->name = name;
    r->nparams = nparams > 0 ? nparams : 0;
    r->params = ARENA_ARRAY(&rs->mem, rule_param, r->nparams + 1);
    for (int i = 0; i < r->nparams; i++)
        r->params[i].effect = RULE_ARG_BORROW;
    r->format_index = -1;
    r->file = arena_strdup(&rs->mem, file ? file : "<annotation>");
    r->line = line;
    r->source = arena_printf(&rs->mem, "annotations at %s:%d", r->file, line);
    return r;
}

bool rules_from_annotations(rule_set *rs, const char *name, const char *const *annots,
                            int nannots, int nparams, const char *file, int line,
                            const rule_fn **out, char *err, size_t errlen) {
    annot_ctx c = {name, file ? file : "<annotation>", line, err, errlen};
    rule_fn *r = new_annot_rule(rs, name, nparams, file, line);
    for (int i = 0; i < nannots; i++)
        if (!annot_one(&c, r, annots[i]))
            return false;
    bool fmt_va = r->varargs == RULE_VA_BUILD || r->varargs == RULE_VA_PARSE;
    if ((r->format_index >= 0 && !fmt_va) || (r->varargs == RULE_VA_BUILD && r->format_index < 0))
        return annot_fail(&c, "argN=fmt needs varargs=...build or ...parse, and ...build "
                              "needs argN=fmt", annots[0] ? annots[0] : "");
    for (int k = 0; k < r->nparams; k++)
        if (r->params[k].effect == RULE_ARG_STEAL_ON_SUCCESS && !rules_ret_tells_success(r->ret))
            return annot_fail(&c, "steal-on-success needs ret=status, truth, new? or borrowed?",
                              annots[0] ? annots[0] : "");
    if (r->stores_on_success && r->ret != RULE_RET_STATUS && r->ret != RULE_RET_TRUTH)
        return annot_fail(&c, "store-on-success needs ret=status or truth",
                          annots[0] ? annots[0] : "");
    if (r->trusted)
        rules_put_trusted(rs, name);
    rules_put_fn(rs, r);
    if (out)
        *out = r;
    return true;
}
