/* contract.c: the ownership contract of a callee or of the function being
 * analyzed. Precedence for a callee: a rule (built-in or user rule file)
 * over the declaration's refflow annotations over its summary (for a
 * function defined in this unit: learned in this pass, else in an earlier
 * one, else the convention; for an extern function defined elsewhere: the
 * program's summary table) over "unknown" (NULL: the result is not checked,
 * arguments are borrowed). An indirect call through a struct's
 * function-pointer field (ir_callee.slot) has only a rule of the slot's name
 * ("_typeobject.tp_free"), else "unknown". The convention for a function defined here: an
 * object pointer result is a new reference or NULL on failure (the CPython
 * convention), arguments are borrowed. Contracts derived here are kept in
 * the unit's local rule set, so each is built once. */
#include <stdio.h>
#include <string.h>

#include "engine_internal.h"

static bool tagged(const rule_fn *r, const char *tag) {
    return r && r->file && strcmp(r->file, tag) == 0;
}

static const rule_fn *from_annotations(engine_tu *tu, const ir_callee *c) {
    const rule_fn *r = rules_lookup(tu->local, c->name);
    if (r)
        return r;
    char err[256];
    if (rules_from_annotations(tu->local, c->name, c->annots, c->nannots,
                               c->nparams > 0 ? c->nparams : 0, c->decl.file,
                               (int)c->decl.line, &r, err, sizeof err))
        return r;
    fprintf(tu->opt.notes ? tu->opt.notes : stderr, "%s:%u:%u: warning: %s [refflow]\n",
            c->decl.file ? c->decl.file : "?", c->decl.line, c->decl.col, err);
    return NULL;
}

/* The convention as a rule line into line (size n). */
static void convention_line(const ir_callee *c, char *line, size_t size) {
    int n = snprintf(line, size, "fn %s %s", c->name, c->returns_ref ? "new?" : "value");
    for (int i = 0; i < c->nparams && n < (int)size - 16; i++)
        n += snprintf(line + n, size - (size_t)n, " borrow?");
    if (c->variadic)
        snprintf(line + n, size - (size_t)n, " ...");
}

static const rule_fn *from_convention(engine_tu *tu, const ir_callee *c) {
    const rule_fn *r = rules_lookup(tu->local, c->name);
    if (tagged(r, CONTRACT_TAG_CONVENTION))
        return r;
    char line[1024], err[256];
    convention_line(c, line, sizeof line);
    if (!rules_parse(tu->local, CONTRACT_TAG_CONVENTION, line, err, sizeof err))
        return NULL;
    return rules_lookup(tu->local, c->name);
}

const rule_fn *engine_declared_summary(rule_set *into, const rule_set *rules,
                                       const ir_function *fn) {
    ir_callee self = fn->self;
    if (!self.name)
        self.name = fn->name;
    if (rules_lookup(rules, self.name))
        return NULL;
    const rule_fn *r = NULL;
    char line[1024], err[256];
    if (self.nannots > 0) {
        if (!rules_from_annotations(into, self.name, self.annots, self.nannots,
                                    self.nparams > 0 ? self.nparams : 0, self.decl.file,
                                    (int)self.decl.line, &r, err, sizeof err))
            return NULL;
        return r;
    }
    convention_line(&self, line, sizeof line);
    if (!rules_parse(into, CONTRACT_TAG_CONVENTION, line, err, sizeof err))
        return NULL;
    return rules_lookup(into, self.name);
}

bool contract_is_summary(const rule_fn *r) {
    return tagged(r, CONTRACT_TAG_INFERRED) || tagged(r, CONTRACT_TAG_CONVENTION);
}

/* A function defined in this unit, without rule or annotation. */
static const rule_fn *own_summary(engine_tu *tu, const ir_callee *c) {
    const rule_fn *r = rules_lookup(tu->summ, c->name);
    if (r)
        return r;
    tu->unsettled = true; /* not learned yet in this pass: recursion */
    if (tu->opt.prior && (r = rules_lookup(tu->opt.prior, c->name)))
        return r;
    return from_convention(tu, c);
}

/* An extern function defined in another unit (or nowhere analyzed). */
static const rule_fn *program_summary(engine_tu *tu, const ir_callee *c) {
    if (!tu->opt.program)
        return NULL;
    const rule_fn *r = rules_lookup(tu->opt.program, c->name);
    if (tu->opt.on_external)
        tu->opt.on_external(tu->opt.external_ctx, c->name, r);
    return r;
}

const rule_fn *contract_for_callee(engine_tu *tu, const ir_callee *c) {
    if (!c->name)
        return NULL;
    if (c->slot) /* an indirect call through a slot: only a rule describes it */
        return rules_lookup(tu->rules, c->name);
    const rule_fn *r = rules_lookup(tu->rules, c->name);
    if (r)
        return r;
    if (c->nannots > 0)
        return from_annotations(tu, c);
    if (c->defined_here)
        return own_summary(tu, c);
    if (!c->is_static)
        return program_summary(tu, c);
    return NULL;
}

static ir_callee self_of(const ir_function *fn) {
    ir_callee self = fn->self;
    if (!self.name)
        self.name = fn->name;
    self.defined_here = true;
    return self;
}

const rule_fn *contract_convention(engine_tu *tu, const ir_function *fn) {
    ir_callee self = self_of(fn);
    return from_convention(tu, &self);
}

/* Rule or annotation; NULL (from untouched) when neither. */
static const rule_fn *declared(engine_tu *tu, const ir_callee *self, engine_contract_from *from) {
    const rule_fn *r = rules_lookup(tu->rules, self->name);
    if (r) {
        *from = CONTRACT_RULE;
        return r;
    }
    if (self->nannots > 0) {
        *from = CONTRACT_ANNOTATION;
        return from_annotations(tu, self);
    }
    return NULL;
}

const rule_fn *contract_summary(engine_tu *tu, const ir_function *fn, engine_contract_from *from) {
    ir_callee self = self_of(fn);
    *from = CONTRACT_UNKNOWN;
    const rule_fn *r = declared(tu, &self, from);
    if (r || *from == CONTRACT_ANNOTATION)
        return r;
    r = rules_lookup(tu->summ, self.name);
    if (!r && tu->opt.prior)
        r = rules_lookup(tu->opt.prior, self.name);
    if (!r)
        r = from_convention(tu, &self);
    *from = tagged(r, CONTRACT_TAG_INFERRED) ? CONTRACT_INFERENCE : CONTRACT_CONVENTION;
    return r;
}

/* A static function that no table names is checked against its summary;
 * an extern one (its contract is not its body's to set) or one called
 * through a table (the protocol's) against the convention. */
const rule_fn *contract_for_self(engine_tu *tu, const ir_function *fn, engine_contract_from *from) {
    ir_callee self = self_of(fn);
    *from = CONTRACT_UNKNOWN;
    const rule_fn *r = declared(tu, &self, from);
    if (r || *from == CONTRACT_ANNOTATION)
        return r;
    if (self.is_static && !self.address_taken)
        return contract_summary(tu, fn, from);
    *from = CONTRACT_CONVENTION;
    return from_convention(tu, &self);
}
