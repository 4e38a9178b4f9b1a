/* contract.c: the ownership contract of a callee or of the function being
 * analyzed. Precedence: a rule (built-in or user rule file) over the
 * declaration's refflow annotations over the convention for functions
 * defined in the same file (an object pointer result is a new reference,
 * or NULL on failure: the CPython convention) over "unknown" (NULL: the
 * result is not checked, arguments are borrowed). Contracts derived here are
 * kept in the TU's local rule set, so each is built once. */
#include <stdio.h>
#include <string.h>

#include "engine_internal.h"

static const rule_fn *from_annotations(engine_tu *tu, const ir_callee *c) {
    const rule_fn *r = NULL;
    char err[256];
    if (rules_from_annotations(tu->local, c->name, c->annots, c->nannots,
                               c->nparams > 0 ? c->nparams : 0, c->decl.file,
                               (int)c->decl.line, &r, err, sizeof err))
        return r;
    fprintf(tu->opt.notes ? tu->opt.notes : stderr, "%s:%u:%u: warning: %s [refflow]\n",
            c->decl.file ? c->decl.file : "?", c->decl.line, c->decl.col, err);
    return NULL;
}

static const rule_fn *from_convention(engine_tu *tu, const ir_callee *c) {
    char line[1024];
    int n = snprintf(line, sizeof line, "fn %s %s", c->name, c->returns_ref ? "new?" : "value");
    for (int i = 0; i < c->nparams && n < (int)sizeof line - 16; i++)
        n += snprintf(line + n, sizeof line - (size_t)n, " borrow?");
    if (c->variadic)
        snprintf(line + n, sizeof line - (size_t)n, " ...");
    char err[256];
    if (!rules_parse(tu->local, "<convention>", line, err, sizeof err))
        return NULL;
    return rules_lookup(tu->local, c->name);
}

const rule_fn *contract_for_callee(engine_tu *tu, const ir_callee *c) {
    if (!c->name)
        return NULL;
    const rule_fn *r = rules_lookup(tu->rules, c->name);
    if (r)
        return r;
    r = rules_lookup(tu->local, c->name);
    if (r)
        return r;
    if (c->nannots > 0)
        return from_annotations(tu, c);
    if (c->defined_here)
        return from_convention(tu, c);
    return NULL;
}

const rule_fn *contract_for_self(engine_tu *tu, const ir_function *fn, engine_contract_from *from) {
    ir_callee self = fn->self;
    if (!self.name)
        self.name = fn->name;
    self.defined_here = true;
    const rule_fn *local = rules_lookup(tu->local, self.name);
    *from = rules_lookup(tu->rules, self.name)            ? CONTRACT_RULE
            : self.nannots > 0                           ? CONTRACT_ANNOTATION
            : local && strcmp(local->file, "<inferred>") == 0 ? CONTRACT_INFERENCE
                                                         : CONTRACT_CONVENTION;
    return contract_for_callee(tu, &self);
}
