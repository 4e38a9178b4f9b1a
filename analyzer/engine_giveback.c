/* engine_giveback.c: scratch containers. Some CPython code fills a tuple
 * with references it does not own (borrowed items) or still means to use
 * (its own objects), calls through the tuple, and takes every reference
 * back before the tuple goes: a loop over the tuple's slots from some
 * index increfs each slot before the tuple is released (_testbuffer.c's
 * pack_single: `for (i = 0; i < 2+nmemb; i++)
 * Py_XINCREF(PyTuple_GET_ITEM(args, i)); Py_XDECREF(args);`), or stores
 * NULL into each before the tuple is filled again (pack_from_list's
 * `for (j = 1; j < 2+nmemb; j++) PyTuple_SET_ITEM(args, j, NULL);`).
 *
 * Before the walk, each such loop is found: the variable holding the
 * container, the first slot, the loop variable's initial assignment and,
 * for the incref form, the incref itself. The loop runs over every slot
 * from its first, so the hand-back happens where the loop starts (also on
 * paths where the engine cannot tell that the loop body runs at all: its
 * bound is `2 + nmemb`, which it does not track). During the walk a value
 * a slot-setting call stole into a container remembers the container and
 * the slot, when constant (held_by, held_slot in symstate.h); at the
 * loop's start each value the container holds from the first slot on (or
 * at a slot not known) goes back to whoever held it before: a debt of a
 * borrowed value is paid, a stolen reference is owned again. The loop's
 * incref then takes nothing (it pays for what the container's release
 * will drop).
 *
 * Only a real loop counts: the start assignment's block jumps to the loop
 * head, and the incref or NULL store runs on every trip (it dominates each
 * back edge); a loop that also reads the slot it clears moves the items
 * out instead (a list emptied one by one) and hands nothing back.
 *
 * Assumes the blocks are in reverse postorder (ir_finish): the loop
 * variable's initial assignment is the nearest one in an earlier block, and
 * an edge u -> h with h <= u is a back edge. */
#include <stdlib.h>
#include <string.h>

#include "engine_internal.h"

/* "$v" or "$v+k" (engine_place.c's index tags): the variable v and the
 * offset k; false for a constant or an unnamed index. */
static bool parse_var_index(const char *tag, int *var, long long *offset) {
    if (!tag || tag[0] != '$')
        return false;
    char *end;
    long v = strtol(tag + 1, &end, 10);
    if (end == tag + 1)
        return false;
    *var = (int)v;
    *offset = *end == '+' ? strtoll(end + 1, NULL, 10) : 0;
    return true;
}

/* The variable a temporary copy of a pointer (`tmp = list->ob_item`) was
 * read through, followed along a chain of such copies. */
static int root_through_temps(const fn_ctx *c, int var) {
    for (int d = 0; d < 8 && c->temp_src && var >= 0 && var < c->fn->nvars; d++) {
        const ir_place *src = c->temp_src[var];
        if (!src || src->kind != IR_PLACE_VAR)
            break;
        var = src->var;
    }
    return var;
}

/* A slot read `V->items[$i(+k)]` or `V[$i(+k)]` rooted at variable V, also
 * through temporary copies of the array pointer. */
static bool slot_read(const fn_ctx *c, const ir_operand *o, int *container, int *var,
                      long long *offset) {
    if (o->kind != IR_OP_PLACE || o->place.kind != IR_PLACE_VAR || o->place.nsteps == 0)
        return false;
    const ir_step *last = &o->place.steps[o->place.nsteps - 1];
    if (last->kind != IR_STEP_INDEX || !parse_var_index(last->field, var, offset))
        return false;
    *container = root_through_temps(c, o->place.var);
    return true;
}

/* The slot read that instruction i of block blk increfs, directly or
 * through a variable assigned from it earlier in the block
 * (`tmp = PyTuple_GET_ITEM(args, i); Py_XINCREF(tmp);`). */
static bool incref_of_slot(const fn_ctx *c, const ir_block *blk, int i, const ir_operand *a,
                           int *container, int *var, long long *offset) {
    if (slot_read(c, a, container, var, offset))
        return true;
    if (a->kind != IR_OP_PLACE || a->place.kind != IR_PLACE_VAR || a->place.nsteps != 0)
        return false;
    for (int j = i - 1; j >= 0; j--) {
        const ir_instr *in = &blk->instrs[j];
        if (in->kind == IR_CALL && in->dst.kind == IR_PLACE_VAR && in->dst.var == a->place.var)
            return false;
        if (in->kind == IR_ASSIGN && in->dst.kind == IR_PLACE_VAR && in->dst.nsteps == 0 &&
            in->dst.var == a->place.var)
            return slot_read(c, &in->src, container, var, offset);
    }
    return false;
}

static bool is_var(const ir_operand *o) {
    return o->kind == IR_OP_PLACE && o->place.kind == IR_PLACE_VAR && o->place.nsteps == 0;
}

/* The call's rule increfs its one argument (Py_INCREF, Py_XINCREF). */
static bool incref_call(fn_ctx *c, const ir_instr *in) {
    const rule_fn *r = contract_for_callee(c->tu, &in->callee);
    return r && in->nargs == 1 && r->nparams >= 1 && r->params[0].effect == RULE_ARG_INCREF;
}

/* A rule file's slot setter (container, integer index, stolen value)
 * given NULL at a variable index: `PyTuple_SET_ITEM(args, j, NULL)`. */
static bool clears_slot(fn_ctx *c, const ir_instr *in, int *container, int *var) {
    if (in->nargs != 3 || in->args[2].kind != IR_OP_NULL || !is_var(&in->args[0]) ||
        !is_var(&in->args[1]) || in->args[1].type != IR_VT_INT)
        return false;
    const rule_fn *r = contract_for_callee(c->tu, &in->callee);
    if (!r || contract_is_summary(r) || r->nparams != 3 || r->params[2].effect != RULE_ARG_STEAL)
        return false;
    *container = in->args[0].place.var;
    *var = in->args[1].place.var;
    return true;
}

/* The nearest `var = K` in a block before b: where the loop starts. */
static bool loop_start(const ir_function *f, int b, int var, int *block, int *instr,
                       long long *k) {
    for (int p = b - 1; p >= 0; p--)
        for (int i = f->blocks[p].ninstrs - 1; i >= 0; i--) {
            const ir_instr *in = &f->blocks[p].instrs[i];
            if (in->kind != IR_ASSIGN || in->dst.kind != IR_PLACE_VAR || in->dst.nsteps != 0 ||
                in->dst.var != var)
                continue;
            if (in->src.kind != IR_OP_INT)
                return false;
            *block = p;
            *instr = i;
            *k = in->src.ival;
            return true;
        }
    return false;
}

/* The blocks that end a trip through the loop at head h (back edges). */
static bool is_latch(const ir_function *f, int blk, int h) {
    const ir_term *t = &f->blocks[blk].term;
    int n = t->kind == IR_TERM_GOTO ? 1 : t->kind == IR_TERM_BRANCH ? 2 : 0;
    for (int k = 0; k < n; k++)
        if (t->target[k] == h && blk >= h)
            return true;
    return false;
}

/* Is a latch of loop h reachable from the entry without passing through
 * block b (then b does not run on every trip)? Iterative depth-first walk. */
static bool latch_avoids(fn_ctx *c, int h, int b) {
    const ir_function *f = c->fn;
    uint8_t *seen = ARENA_ARRAY(&c->mem, uint8_t, f->nblocks);
    int *stack = ARENA_ARRAY(&c->mem, int, f->nblocks);
    int top = 0;
    if (b == 0)
        return false;
    seen[0] = 1;
    stack[top++] = 0;
    while (top > 0) {
        int u = stack[--top];
        if (is_latch(f, u, h))
            return true;
        const ir_term *t = &f->blocks[u].term;
        int n = t->kind == IR_TERM_GOTO ? 1 : t->kind == IR_TERM_BRANCH ? 2 : 0;
        for (int k = 0; k < n; k++) {
            int v = t->target[k];
            if (v != b && !seen[v]) {
                seen[v] = 1;
                stack[top++] = v;
            }
        }
    }
    return false;
}

/* The loop the start assignment enters: its block jumps to a loop head h
 * that block b (the incref or the NULL store) follows, and b runs on every
 * trip (it dominates every back edge into h); the head, or -1. */
static int loop_of(fn_ctx *c, int start_block, int b) {
    const ir_function *f = c->fn;
    const ir_term *t = &f->blocks[start_block].term;
    if (t->kind != IR_TERM_GOTO)
        return -1;
    int h = t->target[0];
    if (h < 0 || h >= f->nblocks || !f->blocks[h].is_loop_head || b <= h)
        return -1;
    bool has_latch = false;
    for (int u = h; u < f->nblocks && !has_latch; u++)
        has_latch = is_latch(f, u, h);
    return has_latch && !latch_avoids(c, h, b) ? h : -1;
}

/* Does the loop at head h read the slot it clears (a move-out loop:
 * `it = PyList_GET_ITEM(l, i); PyList_SET_ITEM(l, i, NULL); Py_DECREF(it);`)? */
static bool reads_slot_in_loop(const fn_ctx *c, int h, int container, int var) {
    const ir_function *f = c->fn;
    for (int u = h; u < f->nblocks; u++)
        for (int i = 0; i < f->blocks[u].ninstrs; i++) {
            const ir_instr *in = &f->blocks[u].instrs[i];
            int k, v;
            long long off;
            if (in->kind == IR_ASSIGN && slot_read(c, &in->src, &k, &v, &off) && k == container &&
                v == var)
                return true;
            for (int a = 0; in->kind == IR_CALL && a < in->nargs; a++)
                if (slot_read(c, &in->args[a], &k, &v, &off) && k == container && v == var)
                    return true;
        }
    return false;
}

static void add_loop(fn_ctx *c, int container, int var, long long offset, int b, int i,
                     bool incref) {
    giveback_loop g = {.container = container, .incref_block = incref ? b : -1,
                       .incref_instr = incref ? i : -1};
    long long k;
    if (c->fn->vars[container].is_array || !loop_start(c->fn, b, var, &g.start_block,
                                                        &g.start_instr, &k))
        return;
    int h = loop_of(c, g.start_block, b);
    if (h < 0 || (!incref && reads_slot_in_loop(c, h, container, var)))
        return;
    if (__builtin_add_overflow(k, offset, &g.first_slot))
        return; /* no slot that far */
    if (c->ngiveback == c->givebackcap) {
        int cap = c->givebackcap ? c->givebackcap * 2 : 4;
        giveback_loop *n = ARENA_ARRAY(&c->mem, giveback_loop, cap);
        if (c->ngiveback)
            memcpy(n, c->giveback, sizeof *n * (size_t)c->ngiveback);
        c->giveback = n;
        c->givebackcap = cap;
    }
    c->giveback[c->ngiveback++] = g;
}

void giveback_build(fn_ctx *c) {
    c->ngiveback = 0;
    const ir_function *f = c->fn;
    for (int b = 0; b < f->nblocks; b++)
        for (int i = 0; i < f->blocks[b].ninstrs; i++) {
            const ir_instr *in = &f->blocks[b].instrs[i];
            int container, var;
            long long offset = 0;
            if (in->kind != IR_CALL)
                continue;
            if (incref_call(c, in) &&
                incref_of_slot(c, &f->blocks[b], i, &in->args[0], &container, &var, &offset))
                add_loop(c, container, var, offset, b, i, true);
            else if (clears_slot(c, in, &container, &var))
                add_loop(c, container, var, 0, b, i, false);
        }
}

bool giveback_takes_nothing(const fn_ctx *c, const sstate *s, int block, int instr) {
    for (int g = 0; g < c->ngiveback; g++) {
        const giveback_loop *l = &c->giveback[g];
        if (l->incref_block != block || l->incref_instr != instr)
            continue;
        int k = s->bind[l->container];
        /* only a container the function made: a loop copying a parameter's
         * items (Py_INCREF(PyTuple_GET_ITEM(args, i)) into a new list) takes
         * references of its own */
        return k >= 0 && s->syms[k].kind == SK_REF && s->syms[k].origin == OR_NEW;
    }
    return false;
}

/* Value v goes back from the container to whoever held it before. */
static void hand_back(fn_ctx *c, sstate *s, int v, ir_loc loc) {
    sym *y = &s->syms[v];
    y->held_by = 0;
    y->held_slot = 0;
    if (y->flags & SF_OWED) {
        y->flags &= (uint16_t)~SF_OWED;
    } else if (y->flags & SF_STOLEN) {
        y->flags &= (uint16_t)~SF_STOLEN;
        y->owned = 1;
    } else if (y->owned < SYM_OWNED_MAX) {
        y->owned++;
    }
    sstate_note(&c->mem, s, loc, "taken back from the scratch container here", y->uid, false);
}

void giveback_at(fn_ctx *c, sstate *s, int block, int instr) {
    for (int g = 0; g < c->ngiveback; g++) {
        const giveback_loop *l = &c->giveback[g];
        if (l->start_block != block || l->start_instr != instr)
            continue;
        int k = s->bind[l->container];
        if (k < 0)
            continue;
        ir_loc loc = c->fn->blocks[block].instrs[instr].loc;
        for (int v = 0; v < s->nsyms; v++) {
            const sym *y = &s->syms[v];
            if (y->kind == SK_REF && y->held_by == k + 1 && !(y->flags & SF_RELEASED) &&
                (y->held_slot < 0 || y->held_slot >= l->first_slot))
                hand_back(c, s, v, loc);
        }
    }
}

/* After a slot-setting call stole v into slot `index` of container k. */
void giveback_note_steal(fn_ctx *c, sstate *s, int v, int k, const ir_operand *index) {
    if (c->ngiveback == 0 || s->syms[v].kind != SK_REF || s->syms[v].null == NN_NULL)
        return;
    sym *y = &s->syms[v];
    if (y->origin == OR_UNKNOWN || (!(y->flags & (SF_OWED | SF_STOLEN)) && y->owned <= 0))
        return; /* nothing the hand-back could give back */
    y->held_by = k + 1;
    y->held_slot = index->kind == IR_OP_INT && index->ival >= 0 && index->ival < INT32_MAX
                       ? (int32_t)index->ival
                       : -1;
}

bool giveback_same_slot(const fn_ctx *c, const sstate *s, int v, int k,
                        const ir_operand *index) {
    const sym *y = &s->syms[v], *box = &s->syms[k];
    return c->ngiveback > 0 && y->kind == SK_REF && y->held_by == k + 1 &&
           !(y->flags & SF_RELEASED) && !(box->flags & (SF_RELEASED | SF_STOLEN)) &&
           index->kind == IR_OP_INT && y->held_slot >= 0 && y->held_slot == index->ival;
}

void giveback_slot_replaced(const fn_ctx *c, sstate *s, int k, const ir_operand *index) {
    if (c->ngiveback == 0 || index->kind != IR_OP_INT || index->ival < 0)
        return;
    for (int v = 0; v < s->nsyms; v++) {
        sym *y = &s->syms[v];
        if (y->kind == SK_REF && y->held_by == k + 1 && y->held_slot == index->ival) {
            y->held_by = 0; /* the slot holds another value now */
            y->held_slot = 0;
        }
    }
}
