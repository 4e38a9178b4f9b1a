/* engine.c: the walk. A worklist of (block, instruction, state); each item
 * runs to the end of its block, then its terminator pushes the successors.
 * At a block entry a state identical to one already explored there is
 * dropped (the loop fixpoint). Findings of a function are kept aside and
 * published only if the function finished within its budget. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine_internal.h"

#define DEFAULT_MAX_STEPS 100000
#define DEFAULT_MAX_STATES 512
/* Between two instructions every live symbol is bound (symstate.h), so the
 * unbound ones can go: a long block of calls would otherwise drag every dead
 * temporary into each state it copies at a branch or fallible call (memory
 * grew by tens of KB per step on CPython's posixmodule.c). */
#define COLLECT_AT 32

bool alive_elsewhere(const sym *y) {
    if (y->flags & (SF_STOLEN | SF_ESCAPED | SF_KEPT))
        return true;
    return y->origin == OR_BORROWED || y->origin == OR_PARAM || y->origin == OR_FIELD ||
           y->origin == OR_GLOBAL || y->origin == OR_GLOBAL_VAR || y->origin == OR_UNKNOWN;
}

void emit(fn_ctx *c, check_event *ev) {
    if (c->probing) {
        infer_note_event(c, ev);
        return;
    }
    for (int i = 0; i < checks_count(); i++) {
        const check_info *ci = checks_at(i);
        if (ci->on_event)
            ci->on_event(&c->cctx, ev);
    }
}

void push_work(fn_ctx *c, int block, int instr, sstate *s) {
    if (c->nwork == c->workcap) {
        c->workcap = c->workcap ? c->workcap * 2 : 64;
        work_item *n = ARENA_ARRAY(&c->mem, work_item, c->workcap);
        if (c->nwork)
            memcpy(n, c->work, sizeof(work_item) * (size_t)c->nwork);
        c->work = n;
    }
    c->work[c->nwork++] = (work_item){block, instr, s};
}

/* Memory: every state lives in the function's arena; without reuse a
 * function that explores 100,000 block visits keeps every state it ever
 * copied (gigabytes on CPython's posixmodule.c). A state whose path ended
 * goes to c->pool, and the next copy takes its arrays. */
sstate *state_clone(fn_ctx *c, const sstate *s) {
    if (c->npool == 0 || c->pool[c->npool - 1]->nplaces != s->nplaces)
        return sstate_clone(&c->mem, s);
    sstate *n = c->pool[--c->npool];
    int32_t *bind = n->bind;
    sym *syms = n->syms;
    int cap = n->symcap;
    if (cap < s->nsyms + 4) {
        cap = s->nsyms + 4;
        syms = ARENA_ARRAY(&c->mem, sym, cap);
    }
    *n = *s;
    n->bind = bind;
    memcpy(bind, s->bind, sizeof(int32_t) * (size_t)s->nplaces);
    n->syms = syms;
    n->symcap = cap;
    if (s->nsyms)
        memcpy(syms, s->syms, sizeof(sym) * (size_t)s->nsyms);
    return n;
}

void state_release(fn_ctx *c, sstate *s) {
    if (c->npool == c->poolcap) {
        int cap = c->poolcap ? c->poolcap * 2 : 64;
        sstate **n = realloc(c->pool, sizeof *n * (size_t)cap);
        if (!n)
            return; /* not reused: the arena still frees it */
        c->pool = n;
        c->poolcap = cap;
    }
    c->pool[c->npool++] = s;
}

static void grow_seen(fn_ctx *c, int b) {
    int n = c->nseen[b], cap = c->seencap[b] ? c->seencap[b] * 2 : 4;
    sstate **ns = ARENA_ARRAY(&c->mem, sstate *, cap);
    uint64_t *nh = ARENA_ARRAY(&c->mem, uint64_t, cap);
    if (n) {
        memcpy(ns, c->seen[b], sizeof *ns * (size_t)n);
        memcpy(nh, c->seenhash[b], sizeof *nh * (size_t)n);
    }
    c->seen[b] = ns;
    c->seenhash[b] = nh;
    c->seencap[b] = cap;
}

/* True if s was already explored at the entry of block b; else records it.
 * The hashes filter: sstate_equal runs only on states with the same hash
 * (equal states hash alike, symstate.h). */
static bool seen_before(fn_ctx *c, int b, sstate *s) {
    sstate_collect(&c->mem, s);
    uint64_t h = sstate_hash(s);
    for (int i = 0; i < c->nseen[b]; i++)
        if (c->seenhash[b][i] == h && sstate_equal(c->seen[b][i], s))
            return true;
    if (c->nseen[b] >= c->tu->opt.max_states_per_block) {
        c->over_budget = true;
        c->budget_reason = "too many distinct states at one point";
        return true;
    }
    if (c->nseen[b] == c->seencap[b])
        grow_seen(c, b);
    c->seenhash[b][c->nseen[b]] = h;
    c->seen[b][c->nseen[b]++] = state_clone(c, s); /* s runs on */
    return false;
}

static void apply_kill(fn_ctx *c, sstate *s, const ir_instr *in) {
    for (int i = 0; i < in->nkills; i++) {
        int v = in->kills[i];
        if (v < 0 || v >= c->fn->nvars)
            continue;
        lost_reason why = c->fn->vars[v].is_temp ? LOST_UNUSED : LOST_SCOPE;
        kill_place(c, s, v, in->loc, why);
    }
}

static void apply_assign(fn_ctx *c, sstate *s, const ir_instr *in) {
    int v = eval_operand(c, s, &in->src);
    store_place(c, s, place_index(c, &in->dst), v, in->loc, LOST_OVERWRITE);
}

static void apply_use(fn_ctx *c, sstate *s, const ir_instr *in) {
    int v = eval_operand(c, s, &in->src);
    emit_use(c, s, v, in->loc, USE_DEREF, NULL, 0, false);
}

static void apply_refcnt(fn_ctx *c, sstate *s, const ir_instr *in) {
    if (in->refcnt_delta < 0)
        take_back_from_scratch(c, s, &in->src);
    int v = eval_operand(c, s, &in->src);
    if (in->refcnt_delta > 0)
        apply_incref(c, s, v, in->loc, NULL, false);
    else
        apply_release(c, s, v, in->loc, NULL, false);
}

static bool is_size_setter_call(const engine_tu *tu, const ir_instr *in) {
    return in->kind == IR_CALL && in->callee.name && rules_is_size_setter(tu->rules, in->callee.name);
}

/* Does this instruction set a count: store an integer through a pointer
 * (`--state->numfree`), or call a size-setter rule's function? */
static bool sets_a_count(const ir_instr *in, bool size_setter) {
    if (in->kind == IR_ASSIGN)
        return in->dst.is_heap && in->dst.type == IR_VT_INT;
    return size_setter;
}

/* A size-setter call after slots of its container were read (list_pop's
 * `v = self->ob_item[index]; list_resize(self, size - 1)`): the values read
 * may be the ones the shrink pops. Reads of other arrays, and an index
 * moved by an integer store alone (an iterator advancing), pop nothing.
 * The container is the call's first argument: the object the read went
 * through (deque_pop reads deque->rightblock->items[i] and resizes the
 * deque; a slot read through a temporary copy of self->ob_item counts as
 * read through self). */
static void shrink_after_reads(fn_ctx *c, sstate *s, const ir_instr *in) {
    if (in->nargs < 1)
        return;
    int k = eval_operand(c, s, &in->args[0]);
    for (int v = 0; v < s->nsyms; v++) {
        sym *y = &s->syms[v];
        if ((y->flags & SF_SLOT_READ) && y->slot_of == k + 1)
            y->flags = (uint16_t)((y->flags & ~SF_SLOT_READ) | SF_FROM_SLOT);
    }
}

/* Runs one instruction; false if the path ends here. */
static bool step(fn_ctx *c, sstate *s, int b, int i) {
    const ir_instr *in = &c->fn->blocks[b].instrs[i];
    bool size_setter = is_size_setter_call(c->tu, in);
    if (sets_a_count(in, size_setter))
        s->counted = true;
    if (size_setter)
        shrink_after_reads(c, s, in);
    switch (in->kind) {
    case IR_ASSIGN:
        apply_assign(c, s, in);
        giveback_at(c, s, b, i);
        break;
    case IR_CALL: return apply_call(c, s, in, b, i);
    case IR_USE: apply_use(c, s, in); break;
    case IR_REFCNT: apply_refcnt(c, s, in); break;
    case IR_KILL: apply_kill(c, s, in); break;
    }
    return true;
}

static void lose_all(fn_ctx *c, sstate *s, ir_loc loc) {
    for (int v = 0; v < s->nsyms; v++) {
        if (s->syms[v].owned <= 0 || held_by_heap(c, s, v))
            continue;
        check_event ev = {.kind = EV_LOST, .loc = loc, .sym = &s->syms[v], .state = s,
                          .lost = LOST_RETURN};
        emit(c, &ev);
    }
}

/* A pop: a function returns an element it read from an array slot after it
 * set a count on that path (Pdata_pop's `return self->data[Py_SIZE(self)]`
 * after Py_SET_SIZE; new_dict's `free_list[--numfree]`): the slot's
 * reference goes to the caller. An iterator that reads the slot and then
 * advances its index returns it borrowed. */
static void move_out_popped(fn_ctx *c, sstate *s, int r) {
    sym *y = &s->syms[r];
    if (c->self_rule && !contract_is_summary(c->self_rule))
        return; /* a declared contract says what the result is */
    if (y->kind != SK_REF || !(y->flags & SF_FROM_SLOT) || y->origin != OR_FIELD ||
        y->owned > 0 || (y->flags & SF_RELEASED) || y->null == NN_NULL)
        return;
    y->owned = 1;
    y->flags &= (uint16_t)~SF_FROM_SLOT;
    sstate_note(&c->mem, s, c->fn->end, "the element is moved out of the array here", y->uid,
                false);
}

/* A failure return (a negative status, a NULL result) hands a
 * steal-on-success argument back to the caller, which still owns it
 * (Pdata_push's full stack; make_range_object when allocation fails). */
static bool is_failure_result(const sym *y) {
    return (y->kind == SK_INT && y->hi < 0) || (y->kind == SK_REF && y->null == NN_NULL);
}

static void hand_back_on_failure(fn_ctx *c, sstate *s, int r) {
    const rule_fn *rule = c->self_rule;
    if (!rule || r < 0 || !is_failure_result(&s->syms[r]))
        return;
    for (int v = 0; v < s->nsyms; v++) {
        sym *y = &s->syms[v];
        if (y->kind == SK_REF && y->origin == OR_PARAM && y->param >= 0 &&
            y->param < rule->nparams && rule->params[y->param].effect == RULE_ARG_STEAL_ON_SUCCESS &&
            y->owned > 0)
            y->owned--;
    }
}

/* A static helper returning a global object without a reference, where
 * every caller in the unit compares the result with a global's address
 * (`_get_aia_uri` returns a new list or the borrowed Py_None; its callers
 * release the result only when it is not Py_None): a sentinel, not a
 * borrowed-for-new mistake. */
static bool returns_sentinel(fn_ctx *c, const sym *y) {
    return y->origin == OR_GLOBAL && y->owned == 0 && c->fn->self.is_static &&
           engine_result_is_compared_sentinel(c->tu, c->fn->name);
}

static void do_return(fn_ctx *c, sstate *s, const ir_term *t) {
    int r = -1;
    if (t->value.kind != IR_OP_NONE) {
        r = stand_in_for_global(s, eval_operand(c, s, &t->value));
        move_out_popped(c, s, r);
    }
    if (c->probing)
        infer_note_return(c, s, r);
    if (r >= 0) {
        sym *y = &s->syms[r];
        if (y->kind == SK_REF && y->null != NN_NULL) {
            emit_use(c, s, r, t->loc, USE_RETURN, NULL, 0, true);
            check_event ev = {.kind = EV_RETURN, .loc = t->loc, .sym = y, .state = s,
                              .returns_new = c->returns_new && !returns_sentinel(c, y)};
            emit(c, &ev);
            if (c->returns_new && y->owned > 0) {
                report_site(c, ENGINE_SITE_RETURN, t->loc, y, NULL, -1);
                y->owned--;
            }
        }
    }
    settle_pending_null(c, s, r);
    hand_back_on_failure(c, s, r);
    sstate_collect(&c->mem, s); /* values no place holds were reported when lost */
    for (int v = 0; v < s->nsyms; v++)
        settle_debt(c, s, v);
    lose_all(c, s, t->loc);
    state_release(c, s);
}

static void do_branch(fn_ctx *c, sstate *s, const ir_term *t) {
    sstate *yes = refine_branch(c, s, &t->cond, true);
    sstate *no = refine_branch(c, s, &t->cond, false);
    if (yes && no) {
        sstate_note(&c->mem, yes, t->loc, "taking the true branch", -1, false);
        sstate_note(&c->mem, no, t->loc, "taking the false branch", -1, false);
    }
    state_release(c, s); /* both ways are copies */
    if (no)
        push_work(c, t->target[1], 0, no);
    if (yes)
        push_work(c, t->target[0], 0, yes);
}

static void run_terminator(fn_ctx *c, sstate *s, int b) {
    const ir_term *t = &c->fn->blocks[b].term;
    switch (t->kind) {
    case IR_TERM_GOTO: push_work(c, t->target[0], 0, s); break;
    case IR_TERM_BRANCH: do_branch(c, s, t); break;
    case IR_TERM_RETURN: do_return(c, s, t); break;
    default: break; /* unreachable: the path ends */
    }
}

static void run_item(fn_ctx *c, work_item w) {
    ir_block *blk = &c->fn->blocks[w.block];
    if (w.state->crashed) { /* a split's other outcome crashed at the call */
        state_release(c, w.state);
        return;
    }
    if (w.instr == 0 && blk->is_loop_head)
        widen_loop_head(c, w.state, w.block);
    if (w.instr == 0 && seen_before(c, w.block, w.state)) {
        state_release(c, w.state);
        return;
    }
    if (c->trace) {
        fprintf(stderr, "[trace] %s b%d.%d:", c->fn->name, w.block, w.instr);
        sstate_dump(w.state, stderr);
    }
    if (++c->steps > c->tu->opt.max_steps) {
        c->over_budget = true;
        c->budget_reason = "too many paths";
        return;
    }
    for (int i = w.instr; i < blk->ninstrs; i++) {
        if (w.state->nsyms > COLLECT_AT)
            sstate_collect(&c->mem, w.state);
        if (!step(c, w.state, w.block, i) || w.state->crashed) {
            state_release(c, w.state);
            return;
        }
    }
    run_terminator(c, w.state, w.block);
}

static sstate *entry_state(fn_ctx *c) {
    sstate *s = sstate_new(&c->mem, c->nplaces);
    const rule_fn *r = c->self_rule;
    for (int v = 0; v < c->fn->nvars; v++) {
        const ir_var *var = &c->fn->vars[v];
        if (!var->is_param)
            continue;
        sym y = sym_proto(var->type == IR_VT_REF ? SK_REF : var->type == IR_VT_INT ? SK_INT : SK_PTR,
                          OR_PARAM, NN_UNKNOWN);
        y.name = var->name;
        y.origin_loc = var->decl;
        y.param = var->param_index;
        int k = var->param_index;
        if (y.kind == SK_REF && r && k >= 0 && k < r->nparams &&
            (r->params[k].effect == RULE_ARG_STEAL || r->params[k].effect == RULE_ARG_STEAL_ON_SUCCESS))
            y.owned = 1;
        s->bind[v] = new_sym(c, s, &y);
    }
    return s;
}

static void setup(fn_ctx *c, engine_tu *tu, ir_function *fn, bool probing) {
    memset(c, 0, sizeof *c);
    c->tu = tu;
    c->fn = fn;
    c->probing = probing;
    c->trace = getenv("REFFLOW_TRACE") != NULL && !probing;
    arena_init(&c->mem);
    places_build(c);
    loops_build(c);
    giveback_build(c);
    if (probing) { /* inference starts from the convention */
        c->self_rule = contract_convention(tu, fn);
        c->contract_from = CONTRACT_CONVENTION;
    } else
        c->self_rule = contract_for_self(tu, fn, &c->contract_from);
    c->returns_new = c->self_rule && (c->self_rule->ret == RULE_RET_NEW ||
                                      c->self_rule->ret == RULE_RET_NEW_OR_NULL ||
                                      c->self_rule->ret == RULE_RET_NEW_OR_ABSENT ||
                                      rules_returns_arg_new(c->self_rule));
    finding_list_init(&c->found);
    c->cctx.out = &c->found;
    c->cctx.function = fn->name;
    c->cctx.enabled = tu->opt.checks ? tu->opt.checks : &tu->all_checks;
    c->cctx.types = tu->opt.types;
    int nb = fn->nblocks > 0 ? fn->nblocks : 1;
    c->seen = ARENA_ARRAY(&c->mem, sstate **, nb);
    c->seenhash = ARENA_ARRAY(&c->mem, uint64_t *, nb);
    c->nseen = ARENA_ARRAY(&c->mem, int, nb);
    c->seencap = ARENA_ARRAY(&c->mem, int, nb);
}

static void report_skip(fn_ctx *c) {
    FILE *out = c->tu->opt.notes ? c->tu->opt.notes : stderr;
    fprintf(out, "%s:%u:%u: note: refflow skipped function '%s': %s (budget: %d block visits, "
            "%d states per point); its findings are not reported\n",
            c->fn->loc.file ? c->fn->loc.file : "?", c->fn->loc.line, c->fn->loc.col,
            c->fn->name, c->budget_reason, c->tu->opt.max_steps, c->tu->opt.max_states_per_block);
}

static void walk(fn_ctx *c) {
    push_work(c, 0, 0, entry_state(c));
    while (c->nwork > 0 && !c->over_budget)
        run_item(c, c->work[--c->nwork]);
    c->tu->stats.steps += c->steps;
}

/* A function with a rule or annotation has its summary; one named in a
 * file-scope table (a method table, a type slot) has the protocol's (the
 * convention); any other learns its summary from a quiet pass over its
 * body: the parameters it releases without owning them are stolen, and its
 * results say whether it returns borrowed references or none. */
void engine_infer(engine_tu *tu, ir_function *fn) {
    ir_callee self = fn->self;
    if (!self.name)
        self.name = fn->name;
    if (rules_lookup(tu->rules, self.name) || self.nannots > 0)
        return;
    fn_ctx probe;
    setup(&probe, tu, fn, true);
    bool learn = fn->nblocks > 0 && !self.address_taken &&
                 (may_release_params(&probe) || self.returns_ref ||
                  (self.is_static && returns_plain_pointer(&self))); /* "nonnull"? */
    bool assumed = learn && infer_assume_recursive(&probe);
    if (learn)
        walk(&probe);
    if (learn && probe.over_budget) { /* nothing learned for sure */
        probe.released_params = probe.decref_params = probe.stored_ok_params = 0;
        probe.returned_unknown = probe.returned_ptr_maybe_null = true;
    }
    if (learn && !infer_contract(&probe) && assumed)
        infer_restore(&probe); /* the assumption did not hold: the convention */
    else if (!learn && probe.self_rule)
        rules_add_copy(tu->summ, probe.self_rule, CONTRACT_TAG_CONVENTION);
    finding_list_free(&probe.found);
    free(probe.pool);
    arena_free(&probe.mem);
}

const rule_fn *engine_summary(engine_tu *tu, const ir_function *fn, engine_contract_from *from) {
    return contract_summary(tu, fn, from);
}

bool engine_tu_unsettled(const engine_tu *tu) {
    return tu->unsettled;
}

bool engine_analyze(engine_tu *tu, ir_function *fn) {
    if (fn->nblocks == 0)
        return true;
    if (!tu->opt.no_infer)
        engine_infer(tu, fn);
    fn_ctx c;
    setup(&c, tu, fn, false);
    if (tu->opt.hooks && tu->opt.hooks->on_function) {
        engine_contract_from from;
        const rule_fn *summary = contract_summary(tu, fn, &from);
        tu->opt.hooks->on_function(tu->opt.hooks->ctx, fn, summary, from);
    }
    if (c.self_rule && c.self_rule->trusted) {
        tu->stats.trusted++;
        arena_free(&c.mem);
        return true;
    }
    walk(&c);
    bool ok = !c.over_budget;
    if (ok) {
        finding_list_merge(tu->out, &c.found);
        tu->stats.functions++;
    } else {
        report_skip(&c);
        tu->stats.skipped++;
    }
    finding_list_free(&c.found);
    free(c.pool);
    arena_free(&c.mem);
    return ok;
}

engine_tu *engine_tu_new(const rule_set *rules, const engine_options *opt, finding_list *out) {
    engine_tu *tu = calloc(1, sizeof *tu);
    if (!tu)
        abort();
    tu->rules = rules;
    tu->local = rules_new();
    tu->summ = rules_new();
    if (opt)
        tu->opt = *opt;
    if (tu->opt.max_steps <= 0)
        tu->opt.max_steps = DEFAULT_MAX_STEPS;
    if (tu->opt.max_states_per_block <= 0)
        tu->opt.max_states_per_block = DEFAULT_MAX_STATES;
    check_set_all(&tu->all_checks);
    tu->out = out;
    return tu;
}

void engine_tu_free(engine_tu *tu) {
    if (!tu)
        return;
    rules_free(tu->local);
    rules_free(tu->summ);
    free(tu->evidence);
    free(tu);
}

const engine_stats *engine_tu_stats(const engine_tu *tu) {
    return &tu->stats;
}
