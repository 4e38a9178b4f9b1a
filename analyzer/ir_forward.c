/* ir_forward.c: forwards pointers to locals. A pointer variable assigned
 * once, from the address of a variable (`pp = &o`), and whose own address
 * is never taken, always points to that variable: `*pp` is `o`. GLib's
 * g_clear_pointer / g_clear_object macros are written this way
 * (`_pp = (pp); _ptr = *_pp; *_pp = NULL;`), as is much hand-written code.
 * Rewriting `*pp` to `o` lets the engine follow the reference without
 * knowing about pointers to locals.
 *
 * Assumes a finished function (ir_finish) and the invariants of ir.h. Only
 * places of the form `*pp` followed by field steps are rewritten; `pp[i]`
 * (pointer arithmetic) is left alone. */
#include <stdlib.h>
#include <string.h>

#include "ir.h"

typedef struct fwd_var {
    int defs;      /* assignments to the variable (any kind) */
    int target;    /* the variable whose address it was given, or -1 */
    bool escapes;  /* its address is taken, or it is a parameter */
} fwd_var;

typedef struct fwd_ctx {
    ir_function *fn;
    fwd_var *v;
} fwd_ctx;

static bool is_plain_var(const ir_place *p) {
    return p->kind == IR_PLACE_VAR && p->nsteps == 0;
}

static void note_operand(fwd_ctx *c, const ir_operand *o) {
    if (o->kind == IR_OP_ADDR && o->place.kind == IR_PLACE_VAR)
        c->v[o->place.var].escapes = true;
}

static void note_def(fwd_ctx *c, const ir_instr *in) {
    if (!is_plain_var(&in->dst))
        return;
    fwd_var *d = &c->v[in->dst.var];
    d->defs++;
    bool from_addr = in->kind == IR_ASSIGN && in->src.kind == IR_OP_ADDR &&
                     is_plain_var(&in->src.place) && in->src.place.var != in->dst.var;
    d->target = from_addr ? in->src.place.var : -1;
}

static void scan(fwd_ctx *c) {
    for (int b = 0; b < c->fn->nblocks; b++) {
        const ir_block *bl = &c->fn->blocks[b];
        for (int i = 0; i < bl->ninstrs; i++) {
            const ir_instr *in = &bl->instrs[i];
            note_def(c, in);
            note_operand(c, &in->src);
            for (int a = 0; a < in->nargs; a++)
                note_operand(c, &in->args[a]);
        }
        note_operand(c, &bl->term.cond.opnd);
        note_operand(c, &bl->term.cond.rhs);
        note_operand(c, &bl->term.value);
    }
}

/* The variable pp always points to, or -1. */
static int forward_target(const fwd_ctx *c, int var) {
    const fwd_var *d = &c->v[var];
    if (d->defs != 1 || d->target < 0 || d->escapes || c->fn->vars[var].is_param)
        return -1;
    const ir_var *t = &c->fn->vars[d->target];
    return t->is_array ? -1 : d->target;
}

static bool steps_are_fields(const ir_place *p, int from) {
    for (int i = from; i < p->nsteps; i++)
        if (p->steps[i].kind == IR_STEP_INDEX)
            return false;
    return true;
}

static void rewrite_place(const fwd_ctx *c, ir_place *p) {
    if (p->kind != IR_PLACE_VAR || p->nsteps == 0 || p->steps[0].kind != IR_STEP_DEREF)
        return;
    int target = forward_target(c, p->var);
    if (target < 0 || !steps_are_fields(p, 1))
        return;
    p->var = target;
    p->nsteps--;
    p->steps = p->nsteps ? p->steps + 1 : NULL;
    p->is_heap = false;
    for (int i = 0; i < p->nsteps; i++)
        p->is_heap |= p->steps[i].kind == IR_STEP_ARROW || p->steps[i].kind == IR_STEP_DEREF;
}

static void rewrite_operand(const fwd_ctx *c, ir_operand *o) {
    if (o->kind == IR_OP_PLACE || o->kind == IR_OP_ADDR)
        rewrite_place(c, &o->place);
}

static void rewrite(const fwd_ctx *c) {
    for (int b = 0; b < c->fn->nblocks; b++) {
        ir_block *bl = &c->fn->blocks[b];
        for (int i = 0; i < bl->ninstrs; i++) {
            ir_instr *in = &bl->instrs[i];
            rewrite_place(c, &in->dst);
            rewrite_operand(c, &in->src);
            for (int a = 0; a < in->nargs; a++)
                rewrite_operand(c, &in->args[a]);
        }
        rewrite_operand(c, &bl->term.cond.opnd);
        rewrite_operand(c, &bl->term.cond.rhs);
        rewrite_operand(c, &bl->term.value);
    }
}

void ir_forward_local_pointers(ir_function *fn) {
    if (fn->nvars == 0)
        return;
    fwd_ctx c = {fn, calloc((size_t)fn->nvars, sizeof(fwd_var))};
    if (!c.v)
        return; /* an optimisation only: without memory, the IR stays as it is */
    for (int v = 0; v < fn->nvars; v++)
        c.v[v].target = -1;
    scan(&c);
    rewrite(&c);
    free(c.v);
}
