/* ir.c: building, checking and printing the per-function IR (see ir.h).
 *
 * Assumes every ir_function lives in one arena (f->arena) and that builders
 * are called from one thread. Growing arrays (vars, blocks, instructions) are
 * re-allocated from the arena by doubling; the old copies stay in the arena
 * until it is dropped, which costs at most twice the final size.
 *
 * The finishing pass (ir_finish) runs after lowering: it threads empty
 * unlabelled "goto" blocks, merges straight-line chains of blocks, drops
 * blocks unreachable from the entry,
 * renumbers the rest in reverse postorder (a block comes after all its
 * predecessors except through back edges), and marks loop heads (targets of
 * DFS back edges). The text dump (ir_dump) is the format the golden tests compare.
 *
 * Dump format (one line per item; "@L:C" is a location in the function's own
 * file, "@path:L:C" one elsewhere):
 *   function NAME @L:C end L:C [incomplete] [FACTS]
 *     var NAME: TYPE [paramN] [temp] [array] @L:C
 *   bN: [label NAME] [loop-head]
 *     DST = OPERAND @L:C            assignment
 *     [DST = ]call NAME(ARGS) [FACTS] @L:C    (<indirect> for a pointer call,
 *                                             <indirect STRUCT.FIELD> through a slot)
 *     use OPERAND / refcnt OPERAND +1|-1 / kill VAR, VAR @L:C
 *     goto bN | branch COND ? bT : bF @L:C | return [OPERAND] @L:C | unreachable @L:C
 * FACTS: ref int noreturn here variadic "annotation" (only those that hold).
 * Operands: x, ::global, x->f, s.f, *p, (*p).f, a[], &x, NULL, 42, "str", ?
 * (unknown); "x as ref" when the operand's type differs from its place's.
 * COND: "x" (truth), "x == NULL", "x < 0", ... or "unknown".
 */
#include "ir.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- building */

ir_function *ir_function_new(arena *a, const char *name) {
    ir_function *f = ARENA_NEW(a, ir_function);
    f->arena = a;
    f->name = arena_strdup(a, name);
    return f;
}

static void *grow(arena *a, void *old, int n, int *cap, size_t elem) {
    if (n < *cap)
        return old;
    int ncap = *cap ? *cap * 2 : 8;
    void *p = arena_alloc(a, elem * (size_t)ncap);
    if (old)
        memcpy(p, old, elem * (size_t)n);
    *cap = ncap;
    return p;
}

int ir_add_var(ir_function *f, const char *name, ir_vtype type, ir_loc decl) {
    f->vars = grow(f->arena, f->vars, f->nvars, &f->var_cap, sizeof *f->vars);
    ir_var *v = &f->vars[f->nvars];
    memset(v, 0, sizeof *v);
    v->name = arena_strdup(f->arena, name ? name : "");
    v->type = type;
    v->param_index = -1;
    v->decl = decl;
    return f->nvars++;
}

int ir_add_temp(ir_function *f, ir_vtype type) {
    char name[32];
    snprintf(name, sizeof name, "tmp.%d", ++f->ntemps);
    ir_loc none = {0};
    int id = ir_add_var(f, name, type, none);
    f->vars[id].is_temp = true;
    return id;
}

int ir_add_block(ir_function *f) {
    f->blocks = grow(f->arena, f->blocks, f->nblocks, &f->block_cap, sizeof *f->blocks);
    ir_block *b = &f->blocks[f->nblocks];
    memset(b, 0, sizeof *b);
    b->id = f->nblocks;
    return f->nblocks++;
}

ir_instr *ir_append(ir_function *f, int b, const ir_instr *in) {
    ir_block *bl = &f->blocks[b];
    bl->instrs = grow(f->arena, bl->instrs, bl->ninstrs, &bl->cap, sizeof *bl->instrs);
    bl->instrs[bl->ninstrs] = *in;
    return &bl->instrs[bl->ninstrs++];
}

ir_place ir_place_var(const ir_function *f, int var) {
    ir_place p = {0};
    p.kind = IR_PLACE_VAR;
    p.var = var;
    p.type = f->vars[var].type;
    return p;
}

ir_place ir_place_global(ir_function *f, const char *name, ir_vtype type) {
    ir_place p = {0};
    p.kind = IR_PLACE_GLOBAL;
    p.global = arena_strdup(f->arena, name);
    p.var = -1;
    p.type = type;
    return p;
}

static bool step_is_heap(ir_step_kind k) {
    return k == IR_STEP_ARROW || k == IR_STEP_DEREF;
}

ir_place ir_place_step(ir_function *f, ir_place base, ir_step_kind k, const char *field,
                       ir_vtype type) {
    ir_place p = base;
    p.steps = ARENA_ARRAY(f->arena, ir_step, base.nsteps + 1);
    if (base.nsteps)
        memcpy(p.steps, base.steps, sizeof *p.steps * (size_t)base.nsteps);
    p.steps[p.nsteps].kind = k;
    p.steps[p.nsteps].field = field ? arena_strdup(f->arena, field) : NULL;
    p.nsteps++;
    p.type = type;
    if (step_is_heap(k))
        p.is_heap = true;
    return p;
}

/* -------------------------------------------------------------- finishing */

static int *term_targets(ir_term *t, int *n) {
    *n = t->kind == IR_TERM_GOTO ? 1 : t->kind == IR_TERM_BRANCH ? 2 : 0;
    return t->target;
}

/* Follows a chain of empty, unlabelled goto blocks from b; stops on a cycle. */
static int thread_target(const ir_function *f, int b) {
    int start = b;
    for (int hops = 0; hops < f->nblocks; hops++) {
        const ir_block *bl = &f->blocks[b];
        if (bl->ninstrs || bl->label || bl->term.kind != IR_TERM_GOTO || b == 0)
            return b;
        int next = bl->term.target[0];
        if (next == b || next == start)
            return b;
        b = next;
    }
    return b;
}

static void thread_gotos(ir_function *f) {
    for (int i = 0; i < f->nblocks; i++) {
        int n;
        int *t = term_targets(&f->blocks[i].term, &n);
        for (int k = 0; k < n; k++)
            t[k] = thread_target(f, t[k]);
    }
}

/* Merges a block into its predecessor when that is its only predecessor and
 * ends in a goto to it (straight-line code split by the lowering). Labelled
 * blocks stay separate: their names help in dumps and notes. */
static void merge_straight_lines(ir_function *f) {
    int *preds = calloc((size_t)f->nblocks, sizeof *preds);
    for (int i = 0; i < f->nblocks; i++) {
        int n;
        int *t = term_targets(&f->blocks[i].term, &n);
        for (int k = 0; k < n; k++)
            preds[t[k]]++;
    }
    for (int a = 0; a < f->nblocks; a++) {
        ir_block *A = &f->blocks[a];
        while (A->term.kind == IR_TERM_GOTO) {
            int b = A->term.target[0];
            ir_block *B = &f->blocks[b];
            if (b == a || b == 0 || preds[b] != 1 || B->label)
                break;
            for (int i = 0; i < B->ninstrs; i++)
                ir_append(f, a, &B->instrs[i]);
            A = &f->blocks[a]; /* ir_append may not move blocks, but be safe */
            A->term = B->term;
            B->ninstrs = 0;
            B->term.kind = IR_TERM_UNREACHABLE; /* now unreachable: dropped */
            preds[b] = 0;
        }
    }
    free(preds);
}

/* Reverse postorder of the blocks reachable from the entry, by an iterative
 * DFS that explores a branch's false target first, so that in the result the
 * true side comes first. Returns the number of reachable blocks. */
static int reverse_postorder(const ir_function *f, int *order) {
    char *seen = calloc((size_t)f->nblocks, 1);
    int *stack = malloc(sizeof *stack * (size_t)f->nblocks);
    int *next = calloc((size_t)f->nblocks, sizeof *next);
    int sp = 0, n = 0;
    stack[sp++] = 0;
    seen[0] = 1;
    while (sp) {
        int b = stack[sp - 1], nt;
        int *t = term_targets((ir_term *)&f->blocks[b].term, &nt);
        if (next[b] == nt) {
            order[n++] = b; /* postorder */
            sp--;
            continue;
        }
        int s = t[nt - 1 - next[b]++];
        if (!seen[s]) {
            seen[s] = 1;
            stack[sp++] = s;
        }
    }
    for (int i = 0; i < n / 2; i++) {
        int tmp = order[i];
        order[i] = order[n - 1 - i];
        order[n - 1 - i] = tmp;
    }
    free(next);
    free(stack);
    free(seen);
    return n;
}

/* Keeps only reachable blocks, renumbered in reverse postorder. */
static void renumber(ir_function *f) {
    int *order = malloc(sizeof *order * (size_t)f->nblocks);
    int *map = malloc(sizeof *map * (size_t)f->nblocks);
    int n = reverse_postorder(f, order);
    for (int i = 0; i < f->nblocks; i++)
        map[i] = -1;
    for (int i = 0; i < n; i++)
        map[order[i]] = i;
    ir_block *blocks = ARENA_ARRAY(f->arena, ir_block, n);
    for (int i = 0; i < n; i++) {
        blocks[i] = f->blocks[order[i]];
        blocks[i].id = i;
        int nt;
        int *t = term_targets(&blocks[i].term, &nt);
        for (int k = 0; k < nt; k++)
            t[k] = map[t[k]];
    }
    f->blocks = blocks;
    f->nblocks = f->block_cap = n;
    free(map);
    free(order);
}

/* Iterative DFS; an edge to a block still on the DFS path is a back edge. */
static void mark_loop_heads(ir_function *f) {
    char *state = calloc((size_t)f->nblocks, 1); /* 0 new, 1 on path, 2 done */
    int *stack = malloc(sizeof *stack * (size_t)f->nblocks);
    int *next = calloc((size_t)f->nblocks, sizeof *next);
    int sp = 0;
    stack[sp++] = 0;
    state[0] = 1;
    while (sp) {
        int b = stack[sp - 1], n;
        int *t = term_targets(&f->blocks[b].term, &n);
        if (next[b] == n) {
            state[b] = 2;
            sp--;
            continue;
        }
        int s = t[next[b]++];
        if (state[s] == 1)
            f->blocks[s].is_loop_head = true;
        else if (state[s] == 0) {
            state[s] = 1;
            stack[sp++] = s;
        }
    }
    free(next);
    free(stack);
    free(state);
}

void ir_finish(ir_function *f) {
    if (f->nblocks == 0)
        ir_add_block(f);
    for (int i = 0; i < f->nblocks; i++) {
        f->blocks[i].is_loop_head = false;
        if (f->blocks[i].term.kind == IR_TERM_NONE) { /* defensive: end the path */
            f->blocks[i].term.kind = IR_TERM_RETURN;
            f->blocks[i].term.loc = f->end;
        }
    }
    thread_gotos(f);
    renumber(f); /* drops what threading made unreachable */
    merge_straight_lines(f);
    renumber(f);
    mark_loop_heads(f);
}

/* -------------------------------------------------------------- validation */

static bool fail(char *err, size_t n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static bool fail(char *err, size_t n, const char *fmt, ...) {
    if (err && n) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err, n, fmt, ap);
        va_end(ap);
    }
    return false;
}

static bool place_ok(const ir_function *f, const ir_place *p, char *err, size_t n, int b) {
    if (p->kind == IR_PLACE_VAR && (p->var < 0 || p->var >= f->nvars))
        return fail(err, n, "b%d: place var %d out of range", b, p->var);
    if (p->kind == IR_PLACE_GLOBAL && !p->global)
        return fail(err, n, "b%d: global place without a name", b);
    bool heap = false;
    for (int i = 0; i < p->nsteps; i++) {
        ir_step_kind k = p->steps[i].kind;
        if (step_is_heap(k) || (k == IR_STEP_INDEX && i == 0 && p->is_heap)) {
            if (i != 0)
                return fail(err, n, "b%d: heap step %d is not the first", b, i);
            heap = true;
        }
    }
    if (heap != p->is_heap)
        return fail(err, n, "b%d: is_heap does not match the steps (%d)", b, p->is_heap);
    if (p->nsteps && p->kind == IR_PLACE_NONE)
        return fail(err, n, "b%d: steps on an empty place (%d)", b, p->nsteps);
    return true;
}

static bool operand_ok(const ir_function *f, const ir_operand *o, char *err, size_t n, int b) {
    if (o->kind == IR_OP_PLACE || o->kind == IR_OP_ADDR) {
        if (o->place.kind == IR_PLACE_NONE)
            return fail(err, n, "b%d: place/addr operand without a place", b);
        return place_ok(f, &o->place, err, n, b);
    }
    if (o->kind == IR_OP_STRING && !o->str)
        return fail(err, n, "b%d: string operand without a string", b);
    return true;
}

static bool instr_ok(const ir_function *f, const ir_instr *in, char *err, size_t n, int b) {
    switch (in->kind) {
    case IR_ASSIGN:
        if (in->dst.kind == IR_PLACE_NONE)
            return fail(err, n, "b%d: assignment without a destination", b);
        return place_ok(f, &in->dst, err, n, b) && operand_ok(f, &in->src, err, n, b);
    case IR_CALL:
        if (!place_ok(f, &in->dst, err, n, b))
            return false;
        for (int i = 0; i < in->nargs; i++)
            if (!operand_ok(f, &in->args[i], err, n, b))
                return false;
        return true;
    case IR_USE:
        return operand_ok(f, &in->src, err, n, b);
    case IR_REFCNT:
        if (in->refcnt_delta != 1 && in->refcnt_delta != -1)
            return fail(err, n, "b%d: refcnt delta %d", b, in->refcnt_delta);
        return operand_ok(f, &in->src, err, n, b);
    case IR_KILL:
        for (int i = 0; i < in->nkills; i++)
            if (in->kills[i] < 0 || in->kills[i] >= f->nvars)
                return fail(err, n, "b%d: kill of var %d out of range", b, in->kills[i]);
        return true;
    }
    return fail(err, n, "b%d: unknown instruction kind %d", b, (int)in->kind);
}

/* A comparison's right side: a constant, or (== and != only) an address
 * or a pointer place. */
static bool rhs_ok(const ir_cond *c) {
    if (c->rhs.kind == IR_OP_NULL || c->rhs.kind == IR_OP_INT)
        return true;
    return (c->rhs.kind == IR_OP_ADDR || c->rhs.kind == IR_OP_PLACE) &&
           (c->cmp == IR_EQ || c->cmp == IR_NE);
}

static bool term_ok(const ir_function *f, const ir_block *bl, char *err, size_t n) {
    const ir_term *t = &bl->term;
    int b = bl->id;
    if (t->kind == IR_TERM_NONE)
        return fail(err, n, "b%d: block has no terminator", b);
    int nt = t->kind == IR_TERM_GOTO ? 1 : t->kind == IR_TERM_BRANCH ? 2 : 0;
    for (int k = 0; k < nt; k++)
        if (t->target[k] < 0 || t->target[k] >= f->nblocks)
            return fail(err, n, "b%d: target b%d does not exist", b, t->target[k]);
    if (t->kind == IR_TERM_BRANCH && t->cond.kind != IR_COND_UNKNOWN &&
        !operand_ok(f, &t->cond.opnd, err, n, b))
        return false;
    if (t->kind == IR_TERM_BRANCH && t->cond.kind == IR_COND_CMP &&
        !operand_ok(f, &t->cond.rhs, err, n, b))
        return false;
    if (t->kind == IR_TERM_BRANCH && t->cond.kind == IR_COND_CMP && !rhs_ok(&t->cond))
        return fail(err, n, "b%d: comparison with a non-constant (kind %d)", b,
                    (int)t->cond.rhs.kind);
    if (t->kind == IR_TERM_RETURN)
        return operand_ok(f, &t->value, err, n, b);
    return true;
}

bool ir_validate(const ir_function *f, char *err, size_t errlen) {
    if (f->nblocks < 1)
        return fail(err, errlen, "function has no blocks");
    for (int b = 0; b < f->nblocks; b++) {
        const ir_block *bl = &f->blocks[b];
        if (bl->id != b)
            return fail(err, errlen, "block at index %d has id %d", b, bl->id);
        for (int i = 0; i < bl->ninstrs; i++)
            if (!instr_ok(f, &bl->instrs[i], err, errlen, b))
                return false;
        if (!term_ok(f, bl, err, errlen))
            return false;
    }
    return true;
}

/* ---------------------------------------------------------------- printing */

static const char *vtype_name(ir_vtype t) {
    static const char *const names[] = {"other", "ref", "int", "ptr", "struct"};
    return (unsigned)t < 5 ? names[t] : "?";
}

/* A place prints as its C spelling; a DEREF (always the first step) as
 * "*p", or "(*p)" when more steps follow. Globals are prefixed "::" in dumps. */
static void put_place(const ir_function *f, const ir_place *p, FILE *out, bool dump) {
    int first = 0;
    bool deref = p->nsteps && p->steps[0].kind == IR_STEP_DEREF;
    if (deref) {
        fputs(p->nsteps == 1 ? "*" : "(*", out);
        first = 1;
    }
    if (p->kind == IR_PLACE_VAR)
        fputs(p->var >= 0 && p->var < f->nvars ? f->vars[p->var].name : "<bad var>", out);
    else if (p->kind == IR_PLACE_GLOBAL)
        fprintf(out, "%s%s", dump ? "::" : "", p->global ? p->global : "<bad global>");
    else
        fputs("<none>", out);
    if (deref && p->nsteps > 1)
        fputc(')', out);
    for (int i = first; i < p->nsteps; i++) {
        const ir_step *s = &p->steps[i];
        if (s->kind == IR_STEP_FIELD)
            fprintf(out, ".%s", s->field ? s->field : "?");
        else if (s->kind == IR_STEP_ARROW)
            fprintf(out, "->%s", s->field ? s->field : "?");
        else if (s->kind == IR_STEP_INDEX)
            fputs("[]", out);
        else
            fputs("[*]", out); /* a DEREF past the first step breaks the invariant */
    }
}

void ir_dump_place(const ir_function *f, const ir_place *p, FILE *out) {
    put_place(f, p, out, true);
}

static void put_string(const char *s, FILE *out) {
    fputc('"', out);
    for (const unsigned char *c = (const unsigned char *)s; *c; c++) {
        if (*c == '"' || *c == '\\')
            fprintf(out, "\\%c", *c);
        else if (*c == '\n')
            fputs("\\n", out);
        else if (*c == '\t')
            fputs("\\t", out);
        else if (*c < 32 || *c >= 127)
            fprintf(out, "\\x%02x", *c);
        else
            fputc(*c, out);
    }
    fputc('"', out);
}

void ir_dump_operand(const ir_function *f, const ir_operand *o, FILE *out) {
    switch (o->kind) {
    case IR_OP_NONE: fputs("<none>", out); break;
    case IR_OP_PLACE: put_place(f, &o->place, out, true); break;
    case IR_OP_ADDR: fputc('&', out); put_place(f, &o->place, out, true); break;
    case IR_OP_NULL: fputs("NULL", out); break;
    case IR_OP_INT: fprintf(out, "%lld", o->ival); break;
    case IR_OP_STRING: put_string(o->str ? o->str : "", out); break;
    case IR_OP_UNKNOWN: fputc('?', out); break;
    }
    if (o->kind == IR_OP_PLACE && o->type != o->place.type)
        fprintf(out, " as %s", vtype_name(o->type));
}

static void put_loc(const ir_function *f, ir_loc l, FILE *out) {
    if (!l.line)
        return;
    if (l.file && f->loc.file && strcmp(l.file, f->loc.file) != 0)
        fprintf(out, " @%s:%u:%u", l.file, l.line, l.col);
    else
        fprintf(out, " @%u:%u", l.line, l.col);
}

static void put_flag(bool on, const char *text, bool *any, FILE *out) {
    if (!on)
        return;
    fputs(*any ? " " : " [", out);
    fputs(text, out);
    *any = true;
}

/* Callee facts as " [ref noreturn here variadic "ret=new"]"; nothing if none. */
static void put_callee_flags(const ir_callee *c, FILE *out) {
    bool any = false;
    put_flag(c->returns_ref, "ref", &any, out);
    put_flag(c->returns_int, "int", &any, out);
    put_flag(c->noreturn, "noreturn", &any, out);
    put_flag(c->defined_here, "here", &any, out);
    put_flag(c->variadic, "variadic", &any, out);
    for (int i = 0; i < c->nannots; i++) {
        put_flag(true, "", &any, out);
        put_string(c->annots[i], out);
    }
    if (any)
        fputc(']', out);
}

static void put_call(const ir_function *f, const ir_instr *in, FILE *out) {
    if (in->dst.kind != IR_PLACE_NONE) {
        put_place(f, &in->dst, out, true);
        fputs(" = ", out);
    }
    if (in->callee.slot)
        fprintf(out, "call <indirect %s>(", in->callee.slot);
    else if (in->callee.name)
        fprintf(out, "call %s(", in->callee.name);
    else
        fprintf(out, "call <indirect>(");
    for (int i = 0; i < in->nargs; i++) {
        if (i)
            fputs(", ", out);
        ir_dump_operand(f, &in->args[i], out);
    }
    fputc(')', out);
    put_callee_flags(&in->callee, out);
}

static void put_instr(const ir_function *f, const ir_instr *in, FILE *out) {
    fputs("  ", out);
    switch (in->kind) {
    case IR_ASSIGN:
        put_place(f, &in->dst, out, true);
        fputs(" = ", out);
        ir_dump_operand(f, &in->src, out);
        break;
    case IR_CALL: put_call(f, in, out); break;
    case IR_USE: fputs("use ", out); ir_dump_operand(f, &in->src, out); break;
    case IR_REFCNT:
        fputs("refcnt ", out);
        ir_dump_operand(f, &in->src, out);
        fprintf(out, " %+d", in->refcnt_delta);
        break;
    case IR_KILL:
        fputs("kill ", out);
        for (int i = 0; i < in->nkills; i++)
            fprintf(out, "%s%s", i ? ", " : "", f->vars[in->kills[i]].name);
        break;
    }
    put_loc(f, in->loc, out);
    fputc('\n', out);
}

static const char *cmp_name(ir_cmp c) {
    static const char *const names[] = {"==", "!=", "<", "<=", ">", ">="};
    return (unsigned)c < 6 ? names[c] : "?";
}

static void put_cond(const ir_function *f, const ir_cond *c, FILE *out) {
    if (c->kind == IR_COND_UNKNOWN) {
        fputs("unknown", out);
        return;
    }
    ir_dump_operand(f, &c->opnd, out);
    if (c->kind == IR_COND_CMP) {
        fprintf(out, " %s ", cmp_name(c->cmp));
        ir_dump_operand(f, &c->rhs, out);
    }
}

static void put_term(const ir_function *f, const ir_term *t, FILE *out) {
    fputs("  ", out);
    switch (t->kind) {
    case IR_TERM_NONE: fputs("<no terminator>", out); break;
    case IR_TERM_GOTO: fprintf(out, "goto b%d", t->target[0]); break;
    case IR_TERM_BRANCH:
        fputs("branch ", out);
        put_cond(f, &t->cond, out);
        fprintf(out, " ? b%d : b%d", t->target[0], t->target[1]);
        break;
    case IR_TERM_RETURN:
        fputs("return", out);
        if (t->value.kind != IR_OP_NONE) {
            fputc(' ', out);
            ir_dump_operand(f, &t->value, out);
        }
        break;
    case IR_TERM_UNREACHABLE: fputs("unreachable", out); break;
    }
    if (t->kind != IR_TERM_GOTO)
        put_loc(f, t->loc, out);
    fputc('\n', out);
}

static void put_var(const ir_function *f, int i, FILE *out) {
    const ir_var *v = &f->vars[i];
    fprintf(out, "  var %s: %s", v->name, vtype_name(v->type));
    if (v->is_param)
        fprintf(out, " param%d", v->param_index);
    if (v->is_temp)
        fputs(" temp", out);
    if (v->is_array)
        fputs(" array", out);
    put_loc(f, v->decl, out);
    fputc('\n', out);
}

static void put_header(const ir_function *f, FILE *out) {
    fprintf(out, "function %s", f->name);
    put_loc(f, f->loc, out);
    if (f->end.line)
        fprintf(out, " end %u:%u", f->end.line, f->end.col);
    if (f->incomplete)
        fputs(" incomplete", out);
    put_callee_flags(&f->self, out);
    fputc('\n', out);
}

void ir_dump(const ir_function *f, FILE *out) {
    put_header(f, out);
    for (int i = 0; i < f->nvars; i++)
        put_var(f, i, out);
    for (int b = 0; b < f->nblocks; b++) {
        const ir_block *bl = &f->blocks[b];
        fprintf(out, "b%d:", b);
        if (bl->label)
            fprintf(out, " label %s", bl->label);
        if (bl->is_loop_head)
            fputs(" loop-head", out);
        fputc('\n', out);
        for (int i = 0; i < bl->ninstrs; i++)
            put_instr(f, &bl->instrs[i], out);
        put_term(f, &bl->term, out);
    }
}

/* ------------------------------------------------------------ place helpers */

const char *ir_place_name(ir_function *f, const ir_place *p) {
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    if (!m)
        return "?";
    put_place(f, p, m, false);
    fclose(m);
    const char *s = arena_strndup(f->arena, buf, len);
    free(buf);
    return s;
}

static bool str_eq(const char *a, const char *b) {
    return a == b || (a && b && strcmp(a, b) == 0);
}

bool ir_place_equal(const ir_place *a, const ir_place *b) {
    if (a->kind != b->kind || a->nsteps != b->nsteps)
        return false;
    if (a->kind == IR_PLACE_VAR && a->var != b->var)
        return false;
    if (a->kind == IR_PLACE_GLOBAL && !str_eq(a->global, b->global))
        return false;
    for (int i = 0; i < a->nsteps; i++)
        if (a->steps[i].kind != b->steps[i].kind || !str_eq(a->steps[i].field, b->steps[i].field))
            return false;
    return true;
}
