/* frontend_lower.c: lowering one function definition, and the building
 * helpers the statement/expression files share: the current block,
 * temporaries and their kills, break/continue targets, labels, local
 * variables, the recursion guard. (Scopes: frontend_scope.c.)
 *
 * Assumes the cursor given to fe_lower_function is a FunctionDecl that is a
 * definition in the main file. Everything allocated here is in the
 * function's arena except the small malloc'd cursor map, freed on return.
 */
#include "frontend_lower.h"

#include <string.h>

/* ------------------------------------------------------------------ blocks */

int fe_new_block(fe_ctx *cx) {
    return ir_add_block(cx->f);
}

int fe_block(fe_ctx *cx) {
    if (cx->cur < 0)
        cx->cur = fe_new_block(cx); /* dead code: nothing jumps here */
    return cx->cur;
}

void fe_set_block(fe_ctx *cx, int b) {
    cx->cur = b;
}

ir_instr *fe_emit(fe_ctx *cx, ir_instr_kind k, ir_loc loc) {
    ir_instr in = {0};
    in.kind = k;
    in.loc = loc;
    in.text = fe_line_text(cx->tu, loc);
    return ir_append(cx->f, fe_block(cx), &in);
}

static ir_term *end_block(fe_ctx *cx, ir_term_kind k) {
    if (cx->cur < 0)
        return NULL;
    ir_term *t = &cx->f->blocks[cx->cur].term;
    memset(t, 0, sizeof *t);
    t->kind = k;
    cx->cur = -1;
    return t;
}

void fe_goto(fe_ctx *cx, int target) {
    ir_term *t = end_block(cx, IR_TERM_GOTO);
    if (t)
        t->target[0] = target;
}

void fe_branch(fe_ctx *cx, ir_cond c, int tb, int fb, ir_loc loc) {
    ir_term *t = end_block(cx, IR_TERM_BRANCH);
    if (!t)
        return;
    t->cond = c;
    t->target[0] = tb;
    t->target[1] = fb;
    t->loc = loc;
}

void fe_terminate(fe_ctx *cx, ir_term_kind k, ir_loc loc) {
    ir_term *t = end_block(cx, k);
    if (t)
        t->loc = loc;
}

void fe_return(fe_ctx *cx, ir_operand value, ir_loc loc) {
    ir_term *t = end_block(cx, IR_TERM_RETURN);
    if (!t)
        return;
    t->value = value;
    t->loc = loc;
}

/* ------------------------------------------------------------- temporaries */

int fe_temp(fe_ctx *cx, ir_vtype type) {
    int v = ir_add_temp(cx->f, type);
    if (cx->ntemps == cx->temps_cap) {
        int cap = cx->temps_cap ? cx->temps_cap * 2 : 16;
        int *t = ARENA_ARRAY(cx->mem, int, cap);
        if (cx->ntemps)
            memcpy(t, cx->temps, sizeof *t * (size_t)cx->ntemps);
        cx->temps = t;
        cx->temps_cap = cap;
    }
    cx->temps[cx->ntemps++] = v;
    return v;
}

int fe_temp_mark(fe_ctx *cx) {
    return cx->ntemps;
}

static void emit_cleanup(fe_ctx *cx, int b, int var, ir_loc loc) {
    ir_instr in = {0};
    in.kind = IR_CALL;
    in.loc = loc;
    in.text = fe_line_text(cx->tu, loc);
    in.callee.name = cx->cleanups[var];
    in.callee.nparams = 1;
    in.callee.decl = loc;
    in.args = ARENA_NEW(cx->mem, ir_operand);
    memset(in.args, 0, sizeof *in.args);
    in.args[0].kind = IR_OP_ADDR;
    in.args[0].place = ir_place_var(cx->f, var);
    in.args[0].type = IR_VT_PTR;
    in.args[0].loc = loc;
    in.nargs = 1;
    ir_append(cx->f, b, &in);
}

void fe_emit_cleanups_at(fe_ctx *cx, int b, const int *vars, int n, ir_loc loc) {
    for (int i = n - 1; i >= 0; i--)
        if (vars[i] < cx->cleanups_cap && cx->cleanups[vars[i]])
            emit_cleanup(cx, b, vars[i], loc);
}

void fe_emit_kill_at(fe_ctx *cx, int b, const int *vars, int n, ir_loc loc) {
    if (n <= 0)
        return;
    fe_emit_cleanups_at(cx, b, vars, n, loc);
    ir_instr in = {0};
    in.kind = IR_KILL;
    in.loc = loc;
    in.text = fe_line_text(cx->tu, loc);
    in.kills = ARENA_ARRAY(cx->mem, int, n);
    memcpy(in.kills, vars, sizeof *vars * (size_t)n);
    in.nkills = n;
    ir_append(cx->f, b, &in);
}

void fe_kill_temps(fe_ctx *cx, int mark, ir_loc loc) {
    if (cx->ntemps > mark && cx->cur >= 0)
        fe_emit_kill_at(cx, cx->cur, cx->temps + mark, cx->ntemps - mark, loc);
    cx->ntemps = mark;
}

void fe_kill_temps_in(fe_ctx *cx, int mark, int a, int b, ir_loc loc) {
    fe_emit_kill_at(cx, a, cx->temps + mark, cx->ntemps - mark, loc);
    fe_emit_kill_at(cx, b, cx->temps + mark, cx->ntemps - mark, loc);
    cx->ntemps = mark;
}

/* ------------------------------------------------------------ jumps, labels */



fe_jump *fe_jump_push(fe_ctx *cx, int brk, int cont) {
    cx->jumps = fe_grow(cx->mem, cx->jumps, cx->njumps, &cx->jumps_cap, sizeof *cx->jumps);
    fe_jump *j = &cx->jumps[cx->njumps++];
    memset(j, 0, sizeof *j);
    j->brk = brk;
    j->cont = cont;
    j->scope_depth = cx->nopen;
    return j;
}

void fe_jump_pop(fe_ctx *cx) {
    cx->njumps--;
}

/* The block of label name, made at its first mention (goto or label). */
int fe_label_block(fe_ctx *cx, const char *name) {
    int b = fe_smap_get(&cx->labels, name);
    if (b >= 0)
        return b;
    b = fe_new_block(cx);
    cx->f->blocks[b].label = arena_strdup(cx->mem, name);
    fe_smap_put(&cx->labels, cx->mem, name, b);
    return b;
}

/* ------------------------------------------------------------ depth guard */

void fe_give_up(fe_ctx *cx, CXCursor at, const char *why) {
    cx->f->incomplete = true;
    if (cx->gave_up)
        return;
    cx->gave_up = true;
    fe_warn(cx->tu, fe_cursor_loc(cx->tu, at), "%s in '%s'; analyzed as far as possible",
            why, cx->f->name);
}

bool fe_enter(fe_ctx *cx, CXCursor at) {
    if (cx->depth >= FE_MAX_DEPTH) {
        fe_give_up(cx, at, "construct nested too deeply");
        return false;
    }
    cx->depth++;
    return true;
}

void fe_leave(fe_ctx *cx) {
    cx->depth--;
}

/* ----------------------------------------------------------------- locals */

int fe_local_var(fe_ctx *cx, CXCursor decl) {
    fe_cmap_slot *s = fe_cmap_get(&cx->vars, decl);
    return s ? s->ival : -1;
}

static int add_var(fe_ctx *cx, CXCursor decl) {
    CXType ty = clang_getCursorType(decl);
    const char *name = fe_spelling(cx->mem, decl);
    int v = ir_add_var(cx->f, name, fe_vtype(cx->tu, ty), fe_name_loc(cx->tu, decl));
    cx->f->vars[v].is_array = fe_is_array_type(ty);
    fe_cmap_put(&cx->vars, decl)->ival = v;
    return v;
}

/* A block-scope variable with automatic storage: a new var in the current
 * scope. Statics and externs are globals: no var (returns -1). */
int fe_declare_local(fe_ctx *cx, CXCursor decl) {
    if (clang_Cursor_hasVarDeclGlobalStorage(decl) == 1)
        return -1;
    int v = add_var(cx, decl);
    fe_scope_add(cx, v);
    const char *cleanup = fe_cleanup_function(cx->tu, cx->mem, decl);
    if (cleanup) {
        int old = cx->cleanups_cap;
        if (v >= old) {
            cx->cleanups = fe_grow(cx->mem, cx->cleanups, old, &cx->cleanups_cap,
                                   sizeof *cx->cleanups);
            while (cx->cleanups_cap <= v)
                cx->cleanups = fe_grow(cx->mem, cx->cleanups, cx->cleanups_cap,
                                       &cx->cleanups_cap, sizeof *cx->cleanups);
            memset(cx->cleanups + old, 0, sizeof *cx->cleanups * (size_t)(cx->cleanups_cap - old));
        }
        cx->cleanups[v] = cleanup;
    }
    return v;
}

static void add_params(fe_ctx *cx, CXCursor fn) {
    int n = clang_Cursor_getNumArguments(fn);
    for (int i = 0; i < n; i++) {
        CXCursor p = clang_Cursor_getArgument(fn, (unsigned)i);
        int v = add_var(cx, p);
        ir_var *var = &cx->f->vars[v];
        var->is_param = true;
        var->param_index = i;
        if (!var->name[0])
            var->name = arena_printf(cx->mem, "arg.%d", i);
    }
}

/* ---------------------------------------------------------------- function */

static enum CXChildVisitResult find_body(CXCursor c, CXCursor parent, CXClientData d) {
    if (clang_getCursorKind(c) != CXCursor_CompoundStmt)
        return CXChildVisit_Continue;
    *(CXCursor *)d = c;
    return CXChildVisit_Break;
}

static void lower_body(fe_ctx *cx, CXCursor fn) {
    CXCursor body = clang_getNullCursor();
    clang_visitChildren(fn, find_body, &body);
    cx->cur = fe_new_block(cx); /* b0, the entry */
    if (clang_Cursor_isNull(body)) {
        cx->f->incomplete = true;
    } else {
        cx->f->end = fe_cursor_end(cx->tu, body);
        fe_stmt(cx, body);
    }
    if (cx->cur >= 0) { /* falls off the end */
        ir_term *t = &cx->f->blocks[cx->cur].term;
        t->kind = IR_TERM_RETURN;
        t->loc = cx->f->end;
        cx->cur = -1;
    }
}

ir_function *fe_lower_function(fe_tu *t, arena *a, CXCursor fn) {
    fe_ctx cx = {.tu = t, .mem = a, .cur = -1};
    fe_cmap_init(&cx.vars);
    fe_cmap_init(&cx.kept_init);
    cx.f = ir_function_new(a, fe_spelling(a, fn));
    cx.f->loc = fe_name_loc(t, fn);
    cx.f->self = *fe_callee(t, fn);
    cx.f->self.address_taken = fe_smap_get(&t->address_taken, cx.f->name) == 1;
    cx.f->incomplete = t->errors > 0 || clang_isInvalidDeclaration(fn);
    cx.f->module_state = t->module_state;
    add_params(&cx, fn);
    lower_body(&cx, fn);
    fe_goto_kills(&cx);
    ir_finish(cx.f);
    ir_forward_local_pointers(cx.f);
    fe_cmap_free(&cx.vars);
    fe_cmap_free(&cx.kept_init);
    return cx.f;
}
