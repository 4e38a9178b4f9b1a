/* ir_compact.c: a finished function copied into another arena at its exact
 * size (ir.h: ir_compact), for IR that is kept after lowering.
 *
 * Lowering leaves most of a function's arena behind as scratch: the cursor
 * lists of every AST node walked, the old copies of arrays grown by
 * doubling, the blocks that ir_finish dropped or merged. On CPython's 130
 * files that was about four fifths of the IR held between the summary
 * passes (389 MB of function arenas for 83 MB of live IR). The copy takes
 * only what the function reaches: the IR kept is 97 MB, the peak RSS of a
 * full -j2 check went from 674 to about 320 MB, and the copy costs under
 * 0.1% of the samples (perf). The other way, keeping only summaries between
 * the passes and parsing again, was rejected on measurements: libclang's
 * parse is about 60% of a run and pass 2 needs every unit's IR, so every
 * unit would be parsed twice.
 *
 * Strings: those in the function's own arena are copied, each distinct one
 * once (a per-copy table); those elsewhere (the translation unit's file
 * names, callee facts and line texts, the rules' names) are shared, as the
 * original shares them, so they must outlive the copy as they outlive f.
 * Assumes f is finished (ir_finish) and that nothing else points into its
 * arena.
 */
#include "ir.h"

#include <stdlib.h>
#include <string.h>

typedef struct copier {
    const arena *from;
    arena *to;
    const char **keys;   /* interned copies, open addressing; NULL empty */
    unsigned mask;
    unsigned n;
} copier;

static unsigned str_hash(const char *s) {
    unsigned h = 2166136261u; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

static void table_grow(copier *c) {
    unsigned cap = c->mask ? (c->mask + 1) * 2 : 64;
    const char **keys = calloc(cap, sizeof *keys);
    if (!keys)
        abort();
    for (unsigned i = 0; c->mask && i <= c->mask; i++) {
        if (!c->keys[i])
            continue;
        unsigned j = str_hash(c->keys[i]) & (cap - 1);
        while (keys[j])
            j = (j + 1) & (cap - 1);
        keys[j] = c->keys[i];
    }
    free(c->keys);
    c->keys = keys;
    c->mask = cap - 1;
}

/* s itself when it lives outside the function's arena, else its one copy. */
static const char *str(copier *c, const char *s) {
    if (!s || !arena_owns(c->from, s))
        return s;
    if (2 * (c->n + 1) > c->mask)
        table_grow(c);
    unsigned i = str_hash(s) & c->mask;
    for (; c->keys[i]; i = (i + 1) & c->mask)
        if (strcmp(c->keys[i], s) == 0)
            return c->keys[i];
    c->n++;
    return c->keys[i] = arena_strdup(c->to, s);
}

static void *array(copier *c, const void *src, int n, size_t elem) {
    if (!src || n <= 0)
        return NULL;
    void *p = arena_alloc(c->to, elem * (size_t)n);
    memcpy(p, src, elem * (size_t)n);
    return p;
}

static ir_loc loc(copier *c, ir_loc l) {
    l.file = str(c, l.file);
    return l;
}

static void place(copier *c, ir_place *p) {
    p->global = str(c, p->global);
    p->steps = array(c, p->steps, p->nsteps, sizeof *p->steps);
    for (int i = 0; i < p->nsteps; i++) {
        p->steps[i].field = str(c, p->steps[i].field);
        p->steps[i].record = str(c, p->steps[i].record);
    }
}

static void operand(copier *c, ir_operand *o) {
    place(c, &o->place);
    o->str = str(c, o->str);
    o->loc = loc(c, o->loc);
}

static void callee(copier *c, ir_callee *k) {
    k->name = str(c, k->name);
    k->annots = array(c, k->annots, k->nannots, sizeof *k->annots);
    for (int i = 0; i < k->nannots; i++)
        k->annots[i] = str(c, k->annots[i]);
    k->decl = loc(c, k->decl);
}

static void instr(copier *c, ir_instr *in) {
    in->loc = loc(c, in->loc);
    place(c, &in->dst);
    operand(c, &in->src);
    callee(c, &in->callee);
    in->args = array(c, in->args, in->nargs, sizeof *in->args);
    for (int i = 0; i < in->nargs; i++)
        operand(c, &in->args[i]);
    in->kills = array(c, in->kills, in->nkills, sizeof *in->kills);
    in->text = str(c, in->text);
}

static void block(copier *c, ir_block *b) {
    b->instrs = array(c, b->instrs, b->ninstrs, sizeof *b->instrs);
    b->cap = b->ninstrs;
    for (int i = 0; i < b->ninstrs; i++)
        instr(c, &b->instrs[i]);
    b->term.loc = loc(c, b->term.loc);
    operand(c, &b->term.cond.opnd);
    operand(c, &b->term.cond.rhs);
    operand(c, &b->term.value);
    b->label = str(c, b->label);
}

ir_function *ir_compact(const ir_function *f, arena *to) {
    copier c = {.from = f->arena, .to = to};
    ir_function *g = ARENA_NEW(to, ir_function);
    *g = *f;
    g->arena = to;
    g->name = str(&c, f->name);
    g->loc = loc(&c, f->loc);
    g->end = loc(&c, f->end);
    callee(&c, &g->self);
    g->vars = array(&c, f->vars, f->nvars, sizeof *f->vars);
    g->var_cap = f->nvars;
    for (int i = 0; i < g->nvars; i++) {
        g->vars[i].name = str(&c, g->vars[i].name);
        g->vars[i].decl = loc(&c, g->vars[i].decl);
    }
    g->blocks = array(&c, f->blocks, f->nblocks, sizeof *f->blocks);
    g->block_cap = f->nblocks;
    for (int i = 0; i < g->nblocks; i++)
        block(&c, &g->blocks[i]);
    free(c.keys);
    return g;
}
