/* engine_call.c: what a call does to the state, read from its contract:
 * effects on each argument (borrow, steal, incref, decref, out-parameters),
 * the result (new, borrowed, status, possibly NULL), and path splits where
 * success and failure differ (a new-or-NULL result; a steal-on-success
 * argument). Assumes contracts from contract.c; NULL means "unknown". */
#include <string.h>

#include "engine_internal.h"

#define MAX_FORMAT_ARGS 64

/* After null-deref reported a failed call's NULL: dereferencing it crashes
 * the program, so nothing after it on this path happens and the path ends.
 * Passing it where NULL is not allowed may only raise or warn
 * (PyList_Size's SystemError, GLib's g_return_if_fail): the path goes on,
 * but the same NULL is not reported again. */
static void after_null_use(sstate *s, sym *y, bool nullable_ok, bool deref) {
    if (y->kind != SK_REF || y->null != NN_NULL || !(y->flags & SF_FALLIBLE) || nullable_ok)
        return;
    if (deref)
        s->crashed = true;
    else
        y->flags &= (uint16_t)~SF_FALLIBLE;
}

void emit_use(fn_ctx *c, sstate *s, int v, ir_loc loc, use_how how, const char *callee,
              int arg, bool nullable_ok) {
    if (s->syms[v].kind != SK_REF)
        return;
    check_event ev = {.kind = EV_USE, .loc = loc, .sym = &s->syms[v], .state = s,
                      .use = how, .callee = callee, .arg_index = arg,
                      .nullable_ok = nullable_ok};
    emit(c, &ev);
    after_null_use(s, &s->syms[v], nullable_ok, how == USE_DEREF);
}

/* Store first, incref right after (`self->ctx = sslctx; Py_INCREF(sslctx);`,
 * `*out = Py_None; Py_INCREF(*out);`): the incref is the stored reference,
 * not one for this function. "Right after": within four source lines, so a
 * borrowed link stored earlier and incref'd later for the caller (a new
 * result) stays the function's own reference. */
#define STORE_INCREF_LINES 4

static bool right_after_store(const sym *y, ir_loc loc) {
    return y->owed_loc.file && loc.file && strcmp(y->owed_loc.file, loc.file) == 0 &&
           loc.line >= y->owed_loc.line && loc.line - y->owed_loc.line <= STORE_INCREF_LINES;
}

static bool pays_for_store(const fn_ctx *c, const sym *y, ir_loc loc) {
    if (!(y->flags & SF_STORED_UNOWNED) || y->owned != 0)
        return false;
    return !c->returns_new || right_after_store(y, loc);
}

/* A reference a late incref paid a store with (SF_LATE_PAID) that the
 * function then gives away or releases was the function's own after all:
 * the store stays a borrowed link (`self->owner = owner; ...;
 * Py_INCREF(owner); PyTuple_SET_ITEM(entry, 0, owner);`). */
static void unpay_late_store(sym *y) {
    if (!(y->flags & SF_LATE_PAID) || y->owned != 0)
        return;
    y->flags = (uint16_t)((y->flags & ~(SF_LATE_PAID | SF_ESCAPED)) | SF_STORED_UNOWNED);
    y->owned = 1;
}

void apply_incref(fn_ctx *c, sstate *s, int v, ir_loc loc, const char *callee, bool nullable) {
    emit_use(c, s, v, loc, USE_PASS, callee, 0, nullable);
    sym *y = &s->syms[v];
    if (y->kind != SK_REF || y->null == NN_NULL || y->origin == OR_UNKNOWN)
        return;
    report_site(c, ENGINE_SITE_INCREF, loc, y, callee, 0);
    if (c->probing)
        infer_note_incref(c, y);
    if (pays_for_store(c, y, loc)) {
        bool late = !right_after_store(y, loc);
        y->flags = (uint16_t)((y->flags & ~SF_STORED_UNOWNED) | SF_ESCAPED |
                              (late ? SF_LATE_PAID : 0));
        y->release_loc = y->owed_loc;
        sstate_note(&c->mem, s, loc, "the reference stored just before is paid for here", y->uid,
                    false);
        return;
    }
    if (y->flags & SF_OWED) { /* pays for the reference given away earlier */
        y->flags &= (uint16_t)~SF_OWED;
        sstate_note(&c->mem, s, loc, "the reference given away earlier is paid for here", y->uid,
                    false);
        return;
    }
    if (y->owned < SYM_OWNED_MAX)
        y->owned++;
    y->flags &= (uint16_t)~SF_RELEASED;
    sstate_note(&c->mem, s, loc, "a reference is taken here (incref)", y->uid, false);
}

/* The release of an unknown value found equal to a tracked reference (its
 * same_as) may be the release of one of that reference's: the reference is
 * marked, and a single reference still owned at its end is not a leak. The
 * unknown value may also have held its own (then the reference is released
 * later by its own name, and nothing is lost). Only for a reference the
 * function took on an object it was given (a parameter, a borrowed or
 * field value it incref'd): a fresh new reference cannot be the object a
 * lookup found. */
static void alias_dropped(fn_ctx *c, sstate *s, const sym *u, ir_loc loc) {
    if (!u->same_as)
        return;
    sym *z = &s->syms[u->same_as - 1];
    if (z->kind != SK_REF || z->origin == OR_GLOBAL || z->origin == OR_NEW ||
        (z->flags & (SF_RELEASED | SF_STOLEN)))
        return; /* a fresh new reference is no object a table already held */
    if (z->owned <= 0 && !(c->probing && z->origin == OR_PARAM))
        return; /* nothing of the function's own to release (inference asks
                   whether a parameter is given away: insertdict's value) */
    z->flags |= SF_ALIAS_DROPPED;
    sstate_note(&c->mem, s, loc, "an equal value is released here", z->uid, false);
}

void apply_release(fn_ctx *c, sstate *s, int v, ir_loc loc, const char *callee, bool nullable) {
    v = stand_in_for_global(s, v);
    sym *y = &s->syms[v];
    if (y->kind != SK_REF)
        return;
    unpay_late_store(y);
    check_event ev = {.kind = EV_RELEASE, .loc = loc, .sym = y, .state = s,
                      .release = REL_DECREF, .callee = callee, .nullable_ok = nullable};
    emit(c, &ev);
    after_null_use(s, y, nullable, false);
    if (y->origin == OR_UNKNOWN && y->null != NN_NULL)
        alias_dropped(c, s, y, loc);
    if (y->null == NN_NULL || y->origin == OR_UNKNOWN)
        return;
    report_site(c, ENGINE_SITE_DECREF, loc, y, callee, 0);
    int before = y->owned;
    if (before > 0)
        y->owned--;
    /* Released: the last owned reference went and nobody else keeps it, or
     * a reference that was not owned (a field's, or an over-release) went. */
    if (y->owned == 0 && (before == 0 || !alive_elsewhere(y))) {
        y->flags |= SF_RELEASED;
        y->release_loc = loc;
    } else if (y->owned == 0 && (y->flags & SF_KEPT)) {
        y->release_loc = loc; /* its last own reference: a container keeps the object */
    }
    sstate_note(&c->mem, s, loc, "a reference is released here", y->uid, false);
}

/* The object is freed: whatever this function owned of it goes with it (a
 * free list's entry moved out and freed), nothing is owed for an object
 * whose count already reached 0 (a dealloc's self), and it is dead after. */
static void apply_free(fn_ctx *c, sstate *s, int v, ir_loc loc, const char *callee,
                       bool nullable) {
    emit_use(c, s, v, loc, USE_PASS, callee, 0, nullable);
    sym *y = &s->syms[v];
    if (y->kind != SK_REF || y->null == NN_NULL || y->origin == OR_UNKNOWN)
        return;
    y->owned = 0;
    y->flags |= SF_RELEASED;
    y->release_loc = loc;
    sstate_note(&c->mem, s, loc, "the object is freed here", y->uid, false);
}

/* The object's count is set to 1: the function owns exactly one reference
 * (a free list's entry, read from the list as a borrowed pointer or already
 * moved out of it, comes back to life). A parameter's object is the
 * caller's: a dealloc undoing its resurrection, or a resize restoring the
 * object its failed realloc kept (resize_compact), gives the function none. */
static void apply_revive(fn_ctx *c, sstate *s, int v, ir_loc loc, const char *callee) {
    emit_use(c, s, v, loc, USE_PASS, callee, 0, false);
    sym *y = &s->syms[v];
    if (y->kind != SK_REF || y->null == NN_NULL || y->origin == OR_UNKNOWN ||
        y->origin == OR_PARAM)
        return;
    y->owned = 1;
    y->flags &= (uint16_t)~(SF_RELEASED | SF_STOLEN | SF_OWED | SF_FROM_SLOT | SF_SLOT_READ);
    sstate_note(&c->mem, s, loc, "the object comes back to life here (its count is set to 1)",
                y->uid, false);
}

/* A reference kept alive elsewhere (Py_None, a borrowed item) given to a
 * stealing argument is not an over-release yet: CPython code often stores
 * first and increfs right after (PyTuple_SET_ITEM(t, 0, Py_None);
 * Py_INCREF(Py_None)). The debt is recorded; an incref pays it; if the path
 * ends or the value is lost first, the over-release is reported at the
 * steal (settle_debt). */
static bool defer_steal(fn_ctx *c, sstate *s, sym *y, ir_loc loc, const char *callee) {
    if (y->owned > 0 || y->origin == OR_UNKNOWN || (y->flags & (SF_RELEASED | SF_STOLEN | SF_OWED)) ||
        !alive_elsewhere(y) || y->null == NN_NULL)
        return false;
    y->flags |= SF_OWED;
    y->owed_loc = loc;
    y->owed_by = callee;
    sstate_note(&c->mem, s, loc, "given away here without being owned", y->uid, false);
    return true;
}

void settle_debt(fn_ctx *c, sstate *s, int v) {
    sym *y = &s->syms[v];
    if (!(y->flags & SF_OWED))
        return;
    y->flags &= (uint16_t)~SF_OWED;
    check_event ev = {.kind = EV_RELEASE, .loc = y->owed_loc, .sym = y, .state = s,
                      .release = REL_STEAL, .callee = y->owed_by};
    emit(c, &ev);
}

/* A failed call's NULL given where NULL is allowed (PyTuple_SET_ITEM(t, i,
 * PyLong_FromLong(x))): fine if the function notices the pending error
 * before it returns success (CPython checks PyErr_Occurred() once after
 * filling a tuple). The first such NULL on the path is kept in a pseudo
 * place until an error check or the return (settle_pending_null). */
static void defer_null(fn_ctx *c, sstate *s, int v, ir_loc loc, const char *callee) {
    sym *y = &s->syms[v];
    if (y->kind != SK_REF || y->null != NN_NULL || !(y->flags & SF_FALLIBLE) ||
        (y->flags & SF_ABSENT) || s->bind[c->pending_null] >= 0)
        return;
    y->release_loc = loc;
    y->release_by = callee;
    s->bind[c->pending_null] = v;
}

void settle_pending_null(fn_ctx *c, sstate *s, int ret) {
    int v = s->bind[c->pending_null];
    if (v < 0)
        return;
    s->bind[c->pending_null] = -1;
    if (ret < 0 && c->fn->self.returns_void)
        return; /* a void helper (pwdmodule.c sets) cannot report the failure: its
                   caller checks PyErr_Occurred() */
    if (ret >= 0) {
        const sym *r = &s->syms[ret];
        if ((r->kind == SK_REF && r->null == NN_NULL) || (r->kind == SK_INT && r->hi < 0))
            return; /* the failure is passed on */
    }
    check_event ev = {.kind = EV_USE, .loc = s->syms[v].release_loc, .sym = &s->syms[v],
                      .state = s, .use = USE_PASS, .callee = s->syms[v].release_by};
    emit(c, &ev);
}

static void apply_steal(fn_ctx *c, sstate *s, int v, ir_loc loc, const char *callee,
                        bool nullable) {
    sym *y = &s->syms[v];
    if (y->kind != SK_REF || (y->null == NN_NULL && nullable))
        return;
    unpay_late_store(y);
    if (defer_steal(c, s, y, loc, callee)) {
        emit_use(c, s, v, loc, USE_PASS, callee, 0, nullable);
        report_site(c, ENGINE_SITE_STEAL, loc, y, callee, -1);
        return;
    }
    check_event ev = {.kind = EV_RELEASE, .loc = loc, .sym = y, .state = s,
                      .release = REL_STEAL, .callee = callee, .nullable_ok = nullable};
    emit(c, &ev);
    emit_use(c, s, v, loc, USE_PASS, callee, 0, nullable);
    report_site(c, ENGINE_SITE_STEAL, loc, y, callee, -1);
    if (y->owned <= 0 || y->origin == OR_UNKNOWN)
        return;
    y->owned--;
    if (y->owned == 0) {
        y->flags |= SF_STOLEN;
        y->release_loc = loc;
        y->release_by = callee;
    }
    sstate_note(&c->mem, s, loc, "the reference is stolen here", y->uid, false);
}

/* The variable a `&v` argument points to, if it holds a reference; -1
 * otherwise. */
static int ref_target(fn_ctx *c, const ir_operand *a) {
    if (a->kind != IR_OP_ADDR)
        return -1;
    int p = place_index(c, &a->place);
    return p >= 0 && c->places[p].place.type == IR_VT_REF ? p : -1;
}

static void bind_out(fn_ctx *c, sstate *s, const ir_operand *a, sym_origin origin,
                     const ir_instr *in, sym_null nn) {
    int p = ref_target(c, a);
    if (p < 0)
        return;
    sym y = sym_proto(SK_REF, origin, nn);
    y.owned = origin == OR_NEW ? 1 : 0;
    y.from = in->callee.name;
    y.origin_loc = in->loc;
    int v = new_sym(c, s, &y);
    if (origin == OR_NEW)
        sstate_note(&c->mem, s, in->loc, "new reference acquired here (out-parameter)",
                    s->syms[v].uid, true);
    store_place(c, s, p, v, in->loc, LOST_OVERWRITE);
}

/* inout-new: the variable's reference is taken, and on success replaced by
 * a new one; on failure the variable is NULL. */
static void replace_inout(fn_ctx *c, sstate *s, const ir_operand *a, const ir_instr *in,
                          bool success) {
    int p = ref_target(c, a);
    if (p < 0)
        return;
    if (s->bind[p] >= 0)
        apply_steal(c, s, s->bind[p], in->loc, in->callee.name, true);
    sym y = sym_proto(SK_REF, success ? OR_NEW : OR_NULLCONST, success ? NN_UNKNOWN : NN_NULL);
    y.owned = success ? 1 : 0;
    y.from = in->callee.name;
    y.origin_loc = in->loc;
    int v = new_sym(c, s, &y);
    if (success)
        sstate_note(&c->mem, s, in->loc, "new reference acquired here (replaced in place)",
                    s->syms[v].uid, true);
    store_place(c, s, p, v, in->loc, LOST_OVERWRITE);
}

/* The value of the variable `&v` points to. */
static int read_target(fn_ctx *c, sstate *s, const ir_operand *a) {
    ir_operand rd = *a;
    rd.kind = IR_OP_PLACE;
    return eval_operand(c, s, &rd);
}

static void store_null(fn_ctx *c, sstate *s, int p, ir_loc loc) {
    sym y = sym_proto(SK_REF, OR_NULLCONST, NN_NULL);
    y.origin_loc = loc;
    store_place(c, s, p, new_sym(c, s, &y), loc, LOST_OVERWRITE);
}

/* clear: g_clear_object(&v), a g_autoptr variable's cleanup at scope exit:
 * v's reference, if any, is released and v becomes NULL. */
static void clear_target(fn_ctx *c, sstate *s, const ir_operand *a, const ir_instr *in) {
    int p = ref_target(c, a);
    if (p < 0)
        return;
    apply_release(c, s, read_target(c, s, a), in->loc, in->callee.name, true);
    store_null(c, s, p, in->loc);
}

typedef struct call_view {
    const ir_instr *in;
    const rule_fn *rule;
    int *args;               /* symbol per argument */
    rule_param fmt[MAX_FORMAT_ARGS];
    int nfmt;
    bool stores;             /* a rule file's store (ret value or status): a NULL
                                given to its steal? arguments is deferred */
    bool found;              /* a "lookup" call's success outcome: 1 and a new reference
                                in its out-new arguments (else 0 and NULL) */
    bool fresh_result;       /* an incref'd argument returned is a fresh new reference
                                (new_ref_of_untracked): its incref is the result's */
} call_view;

static rule_param param_at(const call_view *cv, int i) {
    const rule_fn *r = cv->rule;
    rule_param unknown = {RULE_ARG_BORROW, true};
    if (!r)
        return unknown;
    if (i < r->nparams)
        return r->params[i];
    int k = i - r->nparams;
    if ((r->varargs == RULE_VA_BUILD || r->varargs == RULE_VA_PARSE)) {
        if (k < cv->nfmt)
            return cv->fmt[k];
        return (rule_param){RULE_ARG_IGNORE, true};
    }
    return unknown;
}

/* The effects of the variadic arguments. "...parse" without a format
 * argument (PyArg_UnpackTuple) makes every one a borrowed output; a format
 * that is not a string literal leaves them borrowed. */
static void load_format(call_view *cv) {
    const rule_fn *r = cv->rule;
    cv->nfmt = 0;
    if (!r || (r->varargs != RULE_VA_BUILD && r->varargs != RULE_VA_PARSE))
        return;
    int fi = r->format_index;
    if (fi < 0 || fi >= cv->in->nargs || cv->in->args[fi].kind != IR_OP_STRING) {
        bool outputs = r->varargs == RULE_VA_PARSE && fi < 0;
        for (int i = 0; i < MAX_FORMAT_ARGS; i++)
            cv->fmt[i] = (rule_param){outputs ? RULE_ARG_OUT_BORROWED : RULE_ARG_BORROW, true};
        cv->nfmt = MAX_FORMAT_ARGS;
        return;
    }
    cv->nfmt = format_effects(r->varargs, cv->in->args[fi].str, cv->fmt, MAX_FORMAT_ARGS);
}

/* A "lookup" call's out-new argument: a new reference when found, else NULL
 * (_PyObject_LookupAttr sets *result = NULL on failure and when absent). */
static void lookup_out(fn_ctx *c, sstate *s, const ir_operand *a, const ir_instr *in,
                       bool found) {
    int p = ref_target(c, a);
    if (found)
        bind_out(c, s, a, OR_NEW, in, NN_NONNULL);
    else if (p >= 0)
        store_null(c, s, p, in->loc);
}

static void apply_arg(fn_ctx *c, sstate *s, call_view *cv, int i, bool success) {
    const ir_instr *in = cv->in;
    rule_param pr = param_at(cv, i);
    int v = cv->args[i];
    const char *callee = in->callee.name;
    switch (pr.effect) {
    case RULE_ARG_IGNORE: break;
    case RULE_ARG_BORROW: emit_use(c, s, v, in->loc, USE_PASS, callee, i, pr.nullable); break;
    case RULE_ARG_KEEP:
        emit_use(c, s, v, in->loc, USE_PASS, callee, i, pr.nullable);
        if (s->syms[v].kind == SK_REF && s->syms[v].null != NN_NULL)
            s->syms[v].flags |= SF_KEPT;
        break;
    case RULE_ARG_INCREF:
        if (cv->fresh_result && i == cv->rule->ret_arg)
            emit_use(c, s, v, in->loc, USE_PASS, callee, i, pr.nullable);
        else
            apply_incref(c, s, v, in->loc, callee, pr.nullable);
        break;
    case RULE_ARG_DECREF:
        take_back_from_scratch(c, s, &in->args[i]);
        apply_release(c, s, v, in->loc, callee, pr.nullable);
        break;
    case RULE_ARG_FREE: apply_free(c, s, v, in->loc, callee, pr.nullable); break;
    case RULE_ARG_STEAL:
        if (pr.nullable && cv->stores)
            defer_null(c, s, v, in->loc, callee);
        apply_steal(c, s, v, in->loc, callee, pr.nullable);
        break;
    case RULE_ARG_STEAL_ON_SUCCESS:
        if (success)
            apply_steal(c, s, v, in->loc, callee, pr.nullable);
        else
            emit_use(c, s, v, in->loc, USE_PASS, callee, i, pr.nullable);
        break;
    case RULE_ARG_OUT_NEW:
        if (cv->rule && cv->rule->ret == RULE_RET_LOOKUP)
            lookup_out(c, s, &in->args[i], in, success && cv->found);
        else if (success)
            bind_out(c, s, &in->args[i], OR_NEW, in, NN_UNKNOWN);
        break;
    case RULE_ARG_OUT_BORROWED:
        if (success)
            bind_out(c, s, &in->args[i], OR_BORROWED, in, NN_UNKNOWN);
        break;
    case RULE_ARG_INOUT_NEW: replace_inout(c, s, &in->args[i], in, success); break;
    case RULE_ARG_CLEAR: clear_target(c, s, &in->args[i], in); break;
    case RULE_ARG_MOVE_OUT: break; /* the result: see moved_result */
    case RULE_ARG_REVIVE: apply_revive(c, s, v, in->loc, callee); break;
    }
}

/* A reference an unknown callee can reach through &x may have been taken
 * by it (a cleanup or consume function): it is handed over, not lost. */
static void hand_over_by_address(fn_ctx *c, sstate *s, int p, const ir_instr *in) {
    int old = s->bind[p];
    if (old < 0 || s->syms[old].kind != SK_REF || s->syms[old].owned <= 0)
        return;
    sym *y = &s->syms[old];
    report_site(c, ENGINE_SITE_STORE, in->loc, y, in->callee.name, -1);
    y->owned = 0;
    y->flags |= SF_ESCAPED;
    y->release_loc = in->loc;
    sstate_note(&c->mem, s, in->loc,
                "its address is given to a function refflow has no rule for (it may take it)",
                y->uid, false);
}

/* Is symbol v held by a place other than local p and its fields? */
static bool held_outside(const fn_ctx *c, const sstate *s, int p, int v) {
    for (int q = 0; q < c->nplaces; q++)
        if (s->bind[q] == v && q != p && c->places[q].root_var != p)
            return true;
    return false;
}

/* &state also reaches state.set: a reference only a field of the local
 * struct holds is handed over (hashlib_md_meth_names' state.set, which the
 * callback fills); one a variable also holds (a constructor struct's
 * borrowed fields: PyCode_NewEmpty's con.filename = filename_ob) stays the
 * variable's. */
static void hand_over_fields(fn_ctx *c, sstate *s, int p, const ir_instr *in) {
    for (int *d = p < c->fn->nvars ? c->dependents[p] : NULL; d && *d >= 0; d++)
        if (c->places[*d].root_var == p && s->bind[*d] >= 0 && !held_outside(c, s, p, s->bind[*d]))
            hand_over_by_address(c, s, *d, in);
}

/* An unknown callee may have stored anything through &x arguments; so may
 * a helper (of this unit or another) whose contract only comes from the convention or
 * from inference (neither says what it writes through a pointer:
 * floatobject.c convert_to_double(&v, &d) puts a new reference in v on
 * failure), where that argument is not described as an output. */
static bool may_write_through(const call_view *cv, int i) {
    const rule_fn *r = cv->rule;
    if (!r)
        return true;
    if (!contract_is_summary(r)) /* this unit's or another's: says nothing of *&x */
        return false;
    rule_arg e = param_at(cv, i).effect;
    return e != RULE_ARG_OUT_NEW && e != RULE_ARG_OUT_BORROWED && e != RULE_ARG_INOUT_NEW;
}

/* A value of unknown origin of the place's type, bound to place q. */
static void bind_unknown(fn_ctx *c, sstate *s, int q, const ir_instr *in) {
    ir_vtype t = c->places[q].place.type;
    sym y = sym_proto(t == IR_VT_INT ? SK_INT : t == IR_VT_PTR ? SK_PTR : SK_REF, OR_UNKNOWN,
                      NN_UNKNOWN);
    store_place(c, s, q, new_sym(c, s, &y), in->loc, LOST_OVERWRITE);
}

/* &local_struct given to a callee that may write through it: what only its
 * fields hold is handed over, and every field of it may have changed
 * (PyUnicode_Format's unicode_format_arg(&ctx) replaces ctx.args and sets
 * ctx.args_owned). */
static void clobber_fields(fn_ctx *c, sstate *s, int p, const ir_instr *in) {
    hand_over_fields(c, s, p, in);
    for (int *d = p < c->fn->nvars ? c->dependents[p] : NULL; d && *d >= 0; d++) {
        const place_info *pi = &c->places[*d];
        if (pi->root_var == p && !pi->heap && s->bind[*d] >= 0 &&
            (pi->place.type == IR_VT_REF || pi->place.type == IR_VT_INT ||
             pi->place.type == IR_VT_PTR))
            bind_unknown(c, s, *d, in);
    }
}

static void clobber_out_args(fn_ctx *c, sstate *s, const call_view *cv) {
    const ir_instr *in = cv->in;
    for (int i = 0; i < in->nargs; i++) {
        const ir_operand *a = &in->args[i];
        if (a->kind != IR_OP_ADDR || !may_write_through(cv, i))
            continue;
        int p = place_index(c, &a->place);
        if (p >= 0 && c->places[p].place.type == IR_VT_OTHER)
            clobber_fields(c, s, p, in);
        if (p < 0 || c->places[p].place.type == IR_VT_OTHER)
            continue;
        hand_over_by_address(c, s, p, in);
        hand_over_fields(c, s, p, in);
        bind_unknown(c, s, p, in);
    }
}

/* The result on the success or failure outcome; when the call does not
 * split (split == false), the status/truth value covers both outcomes. */
static sym result_proto(const call_view *cv, bool success, bool split) {
    const ir_instr *in = cv->in;
    rule_ret ret = cv->rule ? cv->rule->ret : RULE_RET_VALUE;
    if (ret == RULE_RET_ARG && cv->fresh_result)
        ret = RULE_RET_NEW; /* new_ref_of_untracked */
    sym y = sym_proto(in->callee.returns_ref ? SK_REF : in->callee.returns_int ? SK_INT : SK_PTR,
                      OR_UNKNOWN, NN_UNKNOWN);
    y.from = in->callee.name;
    y.origin_loc = in->loc;
    switch (ret) {
    case RULE_RET_NEW:
    case RULE_RET_NEW_OR_NULL:
    case RULE_RET_NEW_OR_ABSENT:
    case RULE_RET_BORROWED:
    case RULE_RET_BORROWED_OR_NULL:
        y.kind = SK_REF;
        y.origin = (ret == RULE_RET_BORROWED || ret == RULE_RET_BORROWED_OR_NULL) ? OR_BORROWED
                                                                                  : OR_NEW;
        y.null = success ? NN_NONNULL : NN_NULL;
        y.owned = (success && y.origin == OR_NEW) ? 1 : 0;
        if (!success) /* not dereferenceable; for new-or-null, not an error either */
            y.flags = SF_FALLIBLE | (ret == RULE_RET_NEW_OR_ABSENT ? SF_ABSENT : 0);
        break;
    case RULE_RET_NULL:
        y.kind = SK_REF;
        y.origin = OR_NULLCONST;
        y.null = NN_NULL;
        break;
    case RULE_RET_STATUS:
        y.kind = SK_INT;
        if (split) { /* a declared API that takes or gives references on success
                        says so with 0 (PyModule_AddObject, _PyBytes_Resize):
                        `!= 0` is its failure test */
            y.lo = success ? 0 : -1;
            y.hi = !success ? -1 : contract_is_summary(cv->rule) ? SYM_INT_MAX : 0;
        }
        break;
    case RULE_RET_TRUTH:
        y.kind = SK_INT;
        if (split)
            y.lo = y.hi = success ? 1 : 0;
        break;
    case RULE_RET_LOOKUP:
        y.kind = SK_INT;
        if (split)
            y.lo = y.hi = !success ? -1 : cv->found ? 1 : 0;
        break;
    case RULE_RET_NONNULL:
        y.null = NN_NONNULL;
        break;
    default:
        break;
    }
    return y;
}

/* Does the call replace a value in place (PyUnicode_Append(&left, right))?
 * Only a rule file's API says so: an inferred helper's other arguments may
 * well be NULL on success. */
static bool replaces_in_place(const call_view *cv) {
    if (!cv->rule || contract_is_summary(cv->rule))
        return false;
    for (int i = 0; i < cv->in->nargs; i++)
        if (param_at(cv, i).effect == RULE_ARG_INOUT_NEW)
            return true;
    return false;
}

/* A NULL given to a steal-on-success? argument makes the call fail; so
 * does one given to a call that replaces a value in place
 * (PyUnicode_AppendAndDel(&result, PyUnicode_FromString(buf)) checks its
 * right operand, clears *pleft and keeps the pending error). */
static bool can_succeed(const call_view *cv, const sstate *s) {
    bool in_place = replaces_in_place(cv);
    for (int i = 0; i < cv->in->nargs; i++) {
        rule_param pr = param_at(cv, i);
        bool fails_on_null = pr.effect == RULE_ARG_STEAL_ON_SUCCESS ||
                             (in_place && pr.effect != RULE_ARG_INOUT_NEW &&
                              pr.effect != RULE_ARG_IGNORE);
        if (fails_on_null && pr.nullable && s->syms[cv->args[i]].kind == SK_REF &&
            s->syms[cv->args[i]].null == NN_NULL)
            return false;
    }
    return true;
}

static bool splits(const call_view *cv) {
    const rule_fn *r = cv->rule;
    if (!r)
        return false;
    if (r->ret == RULE_RET_NEW_OR_NULL || r->ret == RULE_RET_BORROWED_OR_NULL ||
        r->ret == RULE_RET_NEW_OR_ABSENT || r->ret == RULE_RET_LOOKUP)
        return true;
    if (r->ret != RULE_RET_STATUS && r->ret != RULE_RET_TRUTH)
        return false;
    for (int i = 0; i < cv->in->nargs; i++) {
        rule_arg e = param_at(cv, i).effect;
        if (e == RULE_ARG_STEAL_ON_SUCCESS || e == RULE_ARG_OUT_NEW || e == RULE_ARG_INOUT_NEW ||
            e == RULE_ARG_OUT_BORROWED) /* PyDict_Next's end writes no key */
            return true;
    }
    return false;
}

/* A "cannot-fail" rule's argument is an integer known to lie in its range
 * (PyLong_FromLong(0): a preallocated small int), or the result of one of
 * its "from" calls, through casts and copies (PyType_GetName of what
 * PyType_FromSpec made: a heap type). */
static bool cannot_fail_here(fn_ctx *c, const call_view *cv, const sstate *s) {
    const rule_cannot_fail *cf = cv->in->callee.name
                                     ? rules_cannot_fail(c->tu->rules, cv->in->callee.name)
                                     : NULL;
    if (!cf || cf->arg >= cv->in->nargs)
        return false;
    const sym *y = &s->syms[cv->args[cf->arg]];
    if (cf->nfrom > 0)
        return rules_cannot_fail_from(c->tu->rules, cf, y->maker);
    if (cf->nafter > 0)
        return (y->resolved >> cf->bit) & 1;
    return y->kind == SK_INT && y->lo >= cf->lo && y->hi <= cf->hi;
}

/* What the rules say about the result of this call in this function: a
 * cannot-fail rule's from list names the call (sym.maker), or it returns
 * the module state of a unit whose state always exists (module-state,
 * ir_function.module_state): not NULL. */
static void result_facts(const fn_ctx *c, const call_view *cv, sym *y) {
    const char *name = cv->in->callee.name;
    if (!name)
        return;
    y->maker = (uint8_t)rules_producer(c->tu->rules, name);
    if (c->fn->module_state && rules_is_module_state(c->tu->rules, name))
        y->null = NN_NONNULL;
}

/* The arguments a successful call resolves for "cannot-fail ... after"
 * rules (_PyObject_SetAttrId(o, &PyId_x, v) has interned PyId_x): marked on
 * the success outcome. Returns whether the call resolves any, so that a
 * status call splits to have one. */
static bool resolve_args(const fn_ctx *c, sstate *s, const call_view *cv, bool mark) {
    bool any = false;
    for (int i = 0; cv->in->callee.name && i < cv->in->nargs; i++) {
        unsigned bits = rules_resolved_by(c->tu->rules, cv->in->callee.name, i);
        any = any || bits;
        if (mark)
            s->syms[cv->args[i]].resolved |= (uint8_t)bits;
    }
    return any;
}

static const char *acquire_note(fn_ctx *c, const sym *y, bool success) {
    if (!success && (y->flags & SF_ABSENT))
        return arena_printf(&c->mem, "assuming %s returns NULL (nothing to return)",
                            y->from ? y->from : "the call");
    if (!success)
        return arena_printf(&c->mem, "assuming %s fails and returns NULL",
                            y->from ? y->from : "the call");
    return y->origin == OR_NEW ? "new reference acquired here"
                               : "borrowed reference obtained here";
}

/* move-out (g_steal_pointer(&v)): the result is v's reference and v
 * becomes NULL. False if the rule has no move-out argument. */
static bool moved_result(fn_ctx *c, sstate *s, call_view *cv) {
    const ir_instr *in = cv->in;
    for (int i = 0; i < in->nargs; i++) {
        if (param_at(cv, i).effect != RULE_ARG_MOVE_OUT)
            continue;
        int p = ref_target(c, &in->args[i]);
        if (p < 0)
            return false;
        int v = read_target(c, s, &in->args[i]);
        int dst = place_index(c, &in->dst);
        if (dst >= 0)
            store_place(c, s, dst, v, in->loc, LOST_OVERWRITE);
        store_null(c, s, p, in->loc); /* reports v lost if the result is unused */
        return true;
    }
    return false;
}

/* An incref'd argument returned (Py_NewRef(o)) that is a global object's
 * address, a value of unknown origin or a plain pointer cast to an object
 * (`Py_NewRef((PyObject *)ctx)`): the result is a fresh new
 * reference, not the argument's symbol, and the incref is the result's
 * alone (apply_arg skips it). One symbol stands for every use of a
 * global's name on a path, so an alias would tie `return Py_NewRef(Py_None)`
 * to every other Py_None, and its incref would pay an earlier debt of
 * Py_None; a value of unknown origin is never checked, so an alias would
 * lose the reference. */
static bool new_ref_of_untracked(const sstate *s, const call_view *cv) {
    const rule_fn *r = cv->rule;
    if (!r || r->ret != RULE_RET_ARG || r->ret_arg >= cv->in->nargs)
        return false;
    int k = r->ret_arg;
    const sym *g = &s->syms[cv->args[k]];
    bool untracked = g->kind != SK_REF || g->origin == OR_GLOBAL || g->origin == OR_UNKNOWN;
    return untracked && g->null != NN_NULL && param_at(cv, k).effect == RULE_ARG_INCREF;
}

/* One outcome of the call on state s. */
static void apply_outcome(fn_ctx *c, sstate *s, call_view *cv, bool success, bool split) {
    const ir_instr *in = cv->in;
    /* a new-or-null call that returns NULL has not failed */
    bool args_ok = success || (cv->rule && cv->rule->ret == RULE_RET_NEW_OR_ABSENT);
    if (success && split)
        resolve_args(c, s, cv, true);
    cv->fresh_result = new_ref_of_untracked(s, cv);
    for (int i = 0; i < in->nargs; i++)
        apply_arg(c, s, cv, i, args_ok);
    clobber_out_args(c, s, cv);
    if (!cv->rule) /* heap facts survive calls with rules; unknown ones may change it */
        forget_heap(c, s);
    if (moved_result(c, s, cv))
        return;
    int dst = place_index(c, &in->dst);
    if (cv->rule && cv->rule->ret == RULE_RET_ARG && cv->rule->ret_arg < in->nargs &&
        !cv->fresh_result) {
        store_place(c, s, dst, cv->args[cv->rule->ret_arg], in->loc, LOST_OVERWRITE);
        return; /* the result is the argument itself */
    }
    sym y = result_proto(cv, success, split);
    result_facts(c, cv, &y);
    int v = new_sym(c, s, &y);
    if (y.kind == SK_REF && y.origin != OR_UNKNOWN) {
        sstate_note(&c->mem, s, in->loc, acquire_note(c, &y, success), s->syms[v].uid, true);
        if (success)
            report_site(c, ENGINE_SITE_ACQUIRE, in->loc, &y, in->callee.name, -1);
    }
    if (dst >= 0)
        store_place(c, s, dst, v, in->loc, LOST_OVERWRITE);
    else if (s->syms[v].owned > 0) {
        check_event ev = {.kind = EV_LOST, .loc = in->loc, .sym = &s->syms[v], .state = s,
                          .lost = LOST_UNUSED};
        emit(c, &ev);
        s->syms[v].owned = 0; /* reported here: not again at the return */
    }
}

/* A negative status of a rule file's API sets an exception (the C API's
 * convention). A NULL result need not: PyIter_Next's end, PyDict_GetItem's
 * absent key, a helper's cache miss. */
static bool sets_error_on_failure(const call_view *cv) {
    const rule_fn *r = cv->rule;
    return r && r->ret == RULE_RET_STATUS && !contract_is_summary(r);
}

/* The call's failure outcome on s: a failed status of the API leaves an
 * error set on that path. */
static void apply_failure(fn_ctx *c, sstate *s, call_view *cv) {
    s->err_set = s->err_set || sets_error_on_failure(cv);
    apply_outcome(c, s, cv, false, true);
}

/* PyList_SET_ITEM(list, i, v), PyTuple_SetItem(t, i, v): a rule-file API
 * taking a container, an integer index and a stolen value. */
static bool sets_a_slot(const call_view *cv) {
    const ir_instr *in = cv->in;
    if (!cv->rule || contract_is_summary(cv->rule) || in->nargs != 3 ||
        in->args[1].type != IR_VT_INT)
        return false;
    rule_arg value = param_at(cv, 2).effect;
    return param_at(cv, 0).effect == RULE_ARG_BORROW && param_at(cv, 1).effect == RULE_ARG_IGNORE &&
           (value == RULE_ARG_STEAL || value == RULE_ARG_STEAL_ON_SUCCESS);
}

bool apply_call(fn_ctx *c, sstate *s, const ir_instr *in, int block, int instr) {
    call_view cv = {.in = in, .rule = contract_for_callee(c->tu, &in->callee)};
    int args[in->nargs > 0 ? in->nargs : 1];
    for (int i = 0; i < in->nargs; i++)
        args[i] = eval_operand(c, s, &in->args[i]);
    cv.args = args;
    if (giveback_takes_nothing(c, s, block, instr)) {
        emit_use(c, s, args[0], in->loc, USE_PASS, in->callee.name, 0, true);
        return true; /* pays for what the scratch container's release drops */
    }
    bool slot_set = sets_a_slot(&cv);
    if (slot_set && giveback_same_slot(c, s, args[2], args[0], &in->args[1])) {
        emit_use(c, s, args[0], in->loc, USE_PASS, in->callee.name, 0, false);
        return true; /* the slot already holds this reference */
    }
    if (slot_set)
        giveback_slot_replaced(c, s, args[0], &in->args[1]);
    if (slot_set)
        overwrite_slot(c, s, &in->args[1], args[0], args[2], in->loc);
    for (int i = 0; i < in->nargs; i++)
        if (s->syms[args[i]].kind == SK_REF)
            forget_slots_of(c, s, args[i]);
    cv.stores = cv.rule && (cv.rule->ret == RULE_RET_VALUE || cv.rule->ret == RULE_RET_STATUS ||
                            cv.rule->ret == RULE_RET_NONNULL) &&
                rules_lookup(c->tu->rules, in->callee.name) == cv.rule;
    link_call(c, s, in, args);
    load_format(&cv);
    if (cv.rule && cv.rule->ret == RULE_RET_NORETURN)
        return false;
    bool split = (splits(&cv) || (cv.rule && rules_ret_tells_success(cv.rule->ret) &&
                                  resolve_args(c, s, &cv, false))) &&
                 !cannot_fail_here(c, &cv, s);
    bool check = in->callee.name && rules_is_error_check(c->tu->rules, in->callee.name);
    if (check && (s->bind[c->pending_null] >= 0 || s->err_set)) {
        s->bind[c->pending_null] = -1; /* the error is known to be pending: noticed here */
        split = false;
    }
    if (in->callee.name && rules_is_error_clear(c->tu->rules, in->callee.name))
        s->err_set = false;
    if ((split || replaces_in_place(&cv)) && !can_succeed(&cv, s)) {
        apply_failure(c, s, &cv);
        return true;
    }
    if (split) {
        sstate *fail = state_clone(c, s);
        apply_failure(c, fail, &cv);
        push_work(c, block, instr + 1, fail);
    }
    if (split && cv.rule->ret == RULE_RET_LOOKUP) { /* the third outcome: nothing found */
        sstate *absent = state_clone(c, s);
        apply_outcome(c, absent, &cv, true, true);
        push_work(c, block, instr + 1, absent);
    }
    cv.found = true;
    apply_outcome(c, s, &cv, true, split);
    if (slot_set)
        giveback_note_steal(c, s, args[2], args[0], &in->args[1]);
    return !in->callee.noreturn;
}
