/* frontend_scope.c: block scopes and the kills at their exits.
 *
 * A compound statement (and a for statement, for its init declarations)
 * opens a scope; its variables are killed at its closing brace, and by a
 * break/continue that leaves it (at the jump). A goto kills the variables of
 * every scope it leaves: the scopes around the goto that are not around its
 * label. Labels may come after their gotos, so scopes are kept as a tree
 * for the whole function and gotos are resolved at the end (fe_goto_kills),
 * their KILL appended to the block the goto ends. Only variables declared
 * before the goto are killed (var ids grow in declaration order).
 */
#include "frontend_lower.h"

#include <string.h>


static int innermost(const fe_ctx *cx) {
    return cx->nopen ? cx->open[cx->nopen - 1] : -1;
}

void fe_scope_push(fe_ctx *cx) {
    cx->scopes = fe_grow(cx->mem, cx->scopes, cx->nscopes, &cx->scopes_cap, sizeof *cx->scopes);
    fe_scope *s = &cx->scopes[cx->nscopes];
    memset(s, 0, sizeof *s);
    s->parent = innermost(cx);
    cx->open = fe_grow(cx->mem, cx->open, cx->nopen, &cx->open_cap, sizeof *cx->open);
    cx->open[cx->nopen++] = cx->nscopes++;
}

void fe_scope_add(fe_ctx *cx, int var) {
    if (!cx->nopen)
        return;
    fe_scope *s = &cx->scopes[innermost(cx)];
    s->vars = fe_grow(cx->mem, s->vars, s->n, &s->cap, sizeof *s->vars);
    s->vars[s->n++] = var;
}

void fe_scope_pop(fe_ctx *cx, ir_loc loc) {
    fe_scope *s = &cx->scopes[cx->open[--cx->nopen]];
    if (cx->cur >= 0)
        fe_emit_kill_at(cx, cx->cur, s->vars, s->n, loc);
}

void fe_kill_scopes_above(fe_ctx *cx, int depth, ir_loc loc) {
    int n = 0;
    for (int i = depth; i < cx->nopen; i++)
        n += cx->scopes[cx->open[i]].n;
    if (!n || cx->cur < 0)
        return;
    int *vars = ARENA_ARRAY(cx->mem, int, n), k = 0;
    for (int i = cx->nopen - 1; i >= depth; i--) { /* innermost first */
        const fe_scope *s = &cx->scopes[cx->open[i]];
        for (int j = 0; j < s->n; j++)
            vars[k++] = s->vars[j];
    }
    fe_emit_kill_at(cx, cx->cur, vars, n, loc);
}

static bool open_cleanups(const fe_ctx *cx) {
    for (int i = 0; i < cx->nopen; i++) {
        const fe_scope *s = &cx->scopes[cx->open[i]];
        for (int j = 0; j < s->n; j++)
            if (s->vars[j] < cx->cleanups_cap && cx->cleanups[s->vars[j]])
                return true;
    }
    return false;
}

/* A return leaves every open scope: their variables' cleanups run after
 * the returned value is computed (`return v;` returns v's value from
 * before its cleanup: it is copied into a temporary first). */
void fe_cleanup_open_scopes(fe_ctx *cx, ir_operand *value, ir_loc loc) {
    if (cx->cur < 0 || !cx->cleanups_cap || !open_cleanups(cx))
        return;
    if (value->kind == IR_OP_PLACE) {
        ir_instr *in = fe_emit(cx, IR_ASSIGN, loc);
        in->dst = ir_place_var(cx->f, fe_temp(cx, value->type));
        in->src = *value;
        value->place = in->dst;
    }
    for (int i = cx->nopen - 1; i >= 0; i--) {
        const fe_scope *s = &cx->scopes[cx->open[i]];
        fe_emit_cleanups_at(cx, cx->cur, s->vars, s->n, loc);
    }
}

/* ------------------------------------------------------------------- goto */

void fe_scope_label(fe_ctx *cx, const char *name) {
    fe_smap_put(&cx->label_scopes, cx->mem, name, innermost(cx));
}

void fe_scope_goto(fe_ctx *cx, const char *label, ir_loc loc) {
    if (cx->cur < 0 || !cx->nopen)
        return;
    cx->gotos = fe_grow(cx->mem, cx->gotos, cx->ngotos, &cx->gotos_cap, sizeof *cx->gotos);
    fe_pending_goto *g = &cx->gotos[cx->ngotos++];
    g->block = cx->cur;
    g->scope = innermost(cx);
    g->nvars = cx->f->nvars;
    g->label = label;
    g->loc = loc;
}

static bool encloses(const fe_ctx *cx, int outer, int s) {
    for (; s >= 0; s = cx->scopes[s].parent)
        if (s == outer)
            return true;
    return false;
}

static void resolve(fe_ctx *cx, const fe_pending_goto *g, int *vars) {
    int target = fe_smap_get(&cx->label_scopes, g->label), n = 0;
    if (target < 0) /* never defined (broken code) */
        return;
    for (int s = g->scope; s >= 0 && !encloses(cx, s, target); s = cx->scopes[s].parent) {
        const fe_scope *sc = &cx->scopes[s];
        for (int i = 0; i < sc->n && sc->vars[i] < g->nvars; i++)
            vars[n++] = sc->vars[i];
    }
    fe_emit_kill_at(cx, g->block, vars, n, g->loc);
}

void fe_goto_kills(fe_ctx *cx) {
    int *vars = ARENA_ARRAY(cx->mem, int, cx->f->nvars ? cx->f->nvars : 1);
    for (int i = 0; i < cx->ngotos; i++)
        resolve(cx, &cx->gotos[i], vars);
}
