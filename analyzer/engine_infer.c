/* engine_infer.c: contracts learned from a function's own body, for
 * functions defined in the analyzed file that have no rule or annotation.
 * What is inferred, for static functions only (their contract is a private
 * agreement of the file; an exported function's is not its body's to set):
 * a parameter the function gives to a stealing argument on some path
 * without first taking a reference of its own is *stolen* (CPython's
 * codec_tuple(decoded, n) handing `decoded` to Py_BuildValue("N")). A
 * parameter that is only decref'd stays borrowed: that is far more often
 * the over-release bug than a contract. The contract is registered in
 * the TU's local rules as "<inferred>", so calls later in the file use it.
 * The result, for static object-returning functions that no file-scope
 * table names (a method table's functions must return new references: the
 * protocol says so, and borrowed-return checks them against it): one that
 * only ever returns NULL returns no reference ("value": _setSSLError), and
 * one whose every non-NULL result is borrowed returns "borrowed?"
 * (find_po, element_get_attrib). `refflow check` hands the front end's
 * functions over callees first (fe_options.callees_first), so a helper's
 * contract is known before its callers are checked wherever it is defined;
 * in a recursion cycle the first function met is checked with the
 * convention (no fixpoint yet). */
#include <stdio.h>
#include <string.h>

#include "engine_internal.h"

/* Cheap syntactic test: is any parameter passed straight to a call? Only
 * then is the quiet inference pass worth running. */
bool may_release_params(fn_ctx *c) {
    for (int b = 0; b < c->fn->nblocks; b++)
        for (int i = 0; i < c->fn->blocks[b].ninstrs; i++) {
            const ir_instr *in = &c->fn->blocks[b].instrs[i];
            if (in->kind == IR_REFCNT && in->src.kind == IR_OP_PLACE &&
                in->src.place.nsteps == 0 && c->fn->vars[in->src.place.var].is_param)
                return true;
            if (in->kind != IR_CALL)
                continue;
            for (int a = 0; a < in->nargs; a++) {
                const ir_operand *o = &in->args[a];
                if (o->kind == IR_OP_PLACE && o->place.kind == IR_PLACE_VAR &&
                    o->place.nsteps == 0 && c->fn->vars[o->place.var].is_param &&
                    o->type == IR_VT_REF)
                    return true;
            }
        }
    return false;
}

static const char *inferred_ret(const fn_ctx *p, const rule_fn *old) {
    const char *keep = old ? rule_ret_name(old->ret) : "value";
    if (!p->fn->self.returns_ref || p->returned_owned || p->returned_unknown)
        return keep;
    return p->returned_borrowed ? "borrowed?" : "value";
}

const rule_fn *infer_contract(fn_ctx *probe) {
    const rule_fn *old = probe->self_rule;
    const char *ret = inferred_ret(probe, old);
    if (!probe->released_params && old && strcmp(ret, rule_ret_name(old->ret)) == 0)
        return NULL;
    char line[2048];
    int n = snprintf(line, sizeof line, "fn %s %s", probe->fn->name, ret);
    int np = old ? old->nparams : 0;
    for (int k = 0; k < np && n < (int)sizeof line - 24; k++) {
        bool stolen = k < 64 && (probe->released_params >> k & 1);
        n += snprintf(line + n, sizeof line - (size_t)n, " %s",
                      stolen ? "steal?" : rule_arg_name(old->params[k].effect));
        if (!stolen && old->params[k].nullable && old->params[k].effect != RULE_ARG_IGNORE)
            n += snprintf(line + n, sizeof line - (size_t)n, "?");
    }
    if (old && old->varargs != RULE_VA_NONE)
        snprintf(line + n, sizeof line - (size_t)n, " %s", rule_varargs_name(old->varargs));
    char err[256];
    if (!rules_parse(probe->tu->local, "<inferred>", line, err, sizeof err))
        return NULL;
    return rules_lookup(probe->tu->local, probe->fn->name);
}
