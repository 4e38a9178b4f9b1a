/* engine_loop.c: what a loop can change. For every loop head, the local
 * variables assigned somewhere in its natural loop (the blocks that reach a
 * back edge into the head without passing through the head). Widening at
 * the head forgets integer and pointer facts only of symbols a loop may
 * change: a flag set before the loop and tested after it (`if (allocated)
 * Py_DECREF(p)`) keeps its value through a loop that never assigns it.
 *
 * Assumes the blocks are in reverse postorder (ir_finish), so an edge u -> h
 * with h <= u is a back edge. A variable whose address is taken anywhere, a
 * global and a heap place may change under any call: always loop-variant. */
#include <string.h>

#include "engine_internal.h"

static void mark_var(uint8_t *bits, const ir_place *p) {
    if (p->kind == IR_PLACE_VAR && p->var >= 0)
        bits[p->var / 8] |= (uint8_t)(1u << (p->var % 8));
}

static bool var_marked(const uint8_t *bits, int var) {
    return bits[var / 8] & (1u << (var % 8));
}

/* Variables written by block b's instructions; in addr, those whose
 * address block b gives to a call. */
static void mark_block_writes(const ir_block *blk, uint8_t *bits, uint8_t *addr) {
    for (int i = 0; i < blk->ninstrs; i++) {
        const ir_instr *in = &blk->instrs[i];
        if (in->kind == IR_ASSIGN || in->kind == IR_CALL)
            mark_var(bits, &in->dst);
        for (int a = 0; in->kind == IR_CALL && a < in->nargs; a++)
            if (in->args[a].kind == IR_OP_ADDR)
                mark_var(addr, &in->args[a].place);
    }
}

/* Variables whose address is taken (written through pointers we do not follow). */
static void mark_address_taken(const ir_function *f, uint8_t *bits) {
    for (int b = 0; b < f->nblocks; b++)
        for (int i = 0; i < f->blocks[b].ninstrs; i++) {
            const ir_instr *in = &f->blocks[b].instrs[i];
            if (in->src.kind == IR_OP_ADDR)
                mark_var(bits, &in->src.place);
            for (int a = 0; a < in->nargs; a++)
                if (in->args[a].kind == IR_OP_ADDR)
                    mark_var(bits, &in->args[a].place);
        }
}

typedef struct preds {
    int *start, *list; /* list[start[b] .. start[b+1]) are b's predecessors */
} preds;

static preds build_preds(fn_ctx *c) {
    const ir_function *f = c->fn;
    preds p;
    p.start = ARENA_ARRAY(&c->mem, int, f->nblocks + 1);
    int total = 0;
    for (int b = 0; b < f->nblocks; b++) {
        const ir_term *t = &f->blocks[b].term;
        int n = t->kind == IR_TERM_GOTO ? 1 : t->kind == IR_TERM_BRANCH ? 2 : 0;
        for (int k = 0; k < n; k++)
            p.start[t->target[k] + 1]++;
        total += n;
    }
    for (int b = 0; b < f->nblocks; b++)
        p.start[b + 1] += p.start[b];
    p.list = ARENA_ARRAY(&c->mem, int, total > 0 ? total : 1);
    int *fill = ARENA_ARRAY(&c->mem, int, f->nblocks);
    for (int b = 0; b < f->nblocks; b++) {
        const ir_term *t = &f->blocks[b].term;
        int n = t->kind == IR_TERM_GOTO ? 1 : t->kind == IR_TERM_BRANCH ? 2 : 0;
        for (int k = 0; k < n; k++) {
            int h = t->target[k];
            p.list[p.start[h] + fill[h]++] = b;
        }
    }
    return p;
}

/* Marks the writes of the natural loop of back edge latch -> head. */
static void mark_natural_loop(fn_ctx *c, const preds *p, int head, int latch, uint8_t *bits,
                              uint8_t *addr, uint8_t *in_loop, int *stack) {
    const ir_function *f = c->fn;
    memset(in_loop, 0, (size_t)f->nblocks);
    in_loop[head] = 1;
    mark_block_writes(&f->blocks[head], bits, addr);
    int top = 0;
    if (!in_loop[latch]) {
        in_loop[latch] = 1;
        stack[top++] = latch;
    }
    while (top > 0) {
        int b = stack[--top];
        mark_block_writes(&f->blocks[b], bits, addr);
        for (int k = p->start[b]; k < p->start[b + 1]; k++) {
            int q = p->list[k];
            if (!in_loop[q]) {
                in_loop[q] = 1;
                stack[top++] = q;
            }
        }
    }
}

void loops_build(fn_ctx *c) {
    const ir_function *f = c->fn;
    c->loop_vars = ARENA_ARRAY(&c->mem, uint8_t *, f->nblocks > 0 ? f->nblocks : 1);
    c->loop_addr = ARENA_ARRAY(&c->mem, uint8_t *, f->nblocks > 0 ? f->nblocks : 1);
    int nbytes = f->nvars / 8 + 1;
    preds p = build_preds(c);
    uint8_t *in_loop = ARENA_ARRAY(&c->mem, uint8_t, f->nblocks + 1);
    int *stack = ARENA_ARRAY(&c->mem, int, f->nblocks + 1);
    uint8_t *taken = ARENA_ARRAY(&c->mem, uint8_t, nbytes);
    mark_address_taken(f, taken);
    for (int h = 0; h < f->nblocks; h++) {
        if (!f->blocks[h].is_loop_head)
            continue;
        uint8_t *bits = ARENA_ARRAY(&c->mem, uint8_t, nbytes);
        uint8_t *addr = ARENA_ARRAY(&c->mem, uint8_t, nbytes);
        memcpy(bits, taken, (size_t)nbytes);
        for (int k = p.start[h]; k < p.start[h + 1]; k++)
            if (p.list[k] >= h) /* a back edge */
                mark_natural_loop(c, &p, h, p.list[k], bits, addr, in_loop, stack);
        c->loop_vars[h] = bits;
        c->loop_addr[h] = addr;
    }
}

static bool place_varies(const fn_ctx *c, const uint8_t *bits, int pl) {
    const place_info *pi = &c->places[pl];
    if (pi->heap || pi->root_var < 0)
        return true;
    return var_marked(bits, pi->root_var);
}

/* A field of a local struct whose address a call in the loop is given
 * (`unicode_format_arg(&ctx)`) may have been replaced on another trip through
 * the loop, as its integer fields may have changed: one that holds no
 * reference of the function's own (a parameter's, a borrowed one) is
 * forgotten with them, so that a flag widened to "unknown" is not read as
 * set for the value still bound (PyUnicode_Format's `ctx.args = args;` and
 * `if (ctx.args_owned) Py_DECREF(ctx.args);`). Owned references stay: their
 * leaks are still tracked. */
static void forget_borrowed_fields(fn_ctx *c, sstate *s, const uint8_t *addr) {
    if (!addr)
        return;
    for (int pl = 0; pl < c->nplaces && pl < s->nplaces; pl++) {
        const place_info *pi = &c->places[pl];
        int v = s->bind[pl];
        if (v < 0 || !pi->has_steps || pi->heap || pi->root_var < 0 ||
            pi->root_var >= c->fn->nvars || !var_marked(addr, pi->root_var))
            continue;
        const sym *y = &s->syms[v];
        if (y->kind != SK_REF || y->owned > 0 || y->null == NN_NULL || y->origin == OR_UNKNOWN)
            continue;
        sym u = sym_proto(SK_REF, OR_UNKNOWN, NN_UNKNOWN);
        s->bind[pl] = new_sym(c, s, &u);
    }
}

void widen_loop_head(fn_ctx *c, sstate *s, int head) {
    const uint8_t *bits = c->loop_vars ? c->loop_vars[head] : NULL;
    forget_borrowed_fields(c, s, c->loop_addr ? c->loop_addr[head] : NULL);
    uint8_t small[256] = {0};
    uint8_t *varies = s->nsyms <= (int)sizeof small ? small
                                                    : ARENA_ARRAY(&c->mem, uint8_t, s->nsyms);
    for (int pl = 0; pl < s->nplaces; pl++) {
        int v = s->bind[pl];
        if (v >= 0 && (!bits || pl >= c->nplaces || place_varies(c, bits, pl)))
            varies[v] = 1;
    }
    for (int v = 0; v < s->nsyms; v++) {
        sym *y = &s->syms[v];
        if (!varies[v] && sstate_is_bound(s, v))
            continue;
        if (y->kind == SK_INT) {
            y->lo = SYM_INT_MIN;
            y->hi = SYM_INT_MAX;
        } else if (y->kind == SK_PTR)
            y->null = NN_UNKNOWN;
    }
}
