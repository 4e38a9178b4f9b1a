/* frontend_stmt.c: lowering statements into blocks.
 *
 * Usual CFG construction: if/else (else-if chains iteratively), while,
 * do-while, for, switch (a chain of IR_COND_CMP EQ tests built after the body,
 * with fall-through between case blocks), labels and goto, break/continue
 * and goto (killing the variables of the scopes they leave), return. A compound
 * statement kills its variables at its closing brace; an expression statement
 * kills its temporaries at its end. Case labels and label chains are walked
 * iteratively, so a 10,000-case switch costs no stack. Unknown statements
 * are lowered by their statement children; inline asm is ignored.
 */
#include "frontend_lower.h"

#include <string.h>

static void stmt_inner(fe_ctx *cx, CXCursor s);

static void expr_stmt(fe_ctx *cx, CXCursor e) {
    int mark = fe_temp_mark(cx);
    fe_effect(cx, e);
    fe_kill_temps(cx, mark, fe_cursor_loc(cx->tu, e));
}

static int kids(fe_ctx *cx, CXCursor s, CXCursor **out) {
    return fe_children(cx->tu, cx->mem, s, out);
}

static void compound(fe_ctx *cx, CXCursor s) {
    CXCursor *k;
    int n = kids(cx, s, &k);
    fe_scope_push(cx);
    for (int i = 0; i < n; i++)
        fe_stmt(cx, k[i]);
    fe_scope_pop(cx, fe_cursor_end(cx->tu, s));
}

/* --------------------------------------------------------------- declarations */

static void var_decl(fe_ctx *cx, CXCursor d) {
    int v = fe_declare_local(cx, d);
    CXCursor init = clang_Cursor_getVarDeclInitializer(d);
    if (v < 0 || clang_Cursor_isNull(init))
        return; /* statics are initialized once, before the function runs */
    int mark = fe_temp_mark(cx);
    ir_loc loc = fe_name_loc(cx->tu, d);
    fe_init_into(cx, ir_place_var(cx->f, v), clang_getCursorType(d), init, loc);
    fe_kill_temps(cx, mark, loc);
}

static void decl_stmt(fe_ctx *cx, CXCursor s) {
    CXCursor *k;
    int n = kids(cx, s, &k);
    for (int i = 0; i < n; i++)
        if (clang_getCursorKind(k[i]) == CXCursor_VarDecl)
            var_decl(cx, k[i]);
}

/* ------------------------------------------------------------------- if */

static void to_join(fe_ctx *cx, int *join) {
    if (cx->cur < 0)
        return;
    if (*join < 0)
        *join = fe_new_block(cx);
    fe_goto(cx, *join);
}

/* if / else if / ... / else, one link per iteration. */
static void if_stmt(fe_ctx *cx, CXCursor s) {
    int join = -1;
    for (;;) {
        CXCursor *k;
        int n = kids(cx, s, &k);
        if (n < 2) {
            fe_give_up(cx, s, "malformed if statement");
            break;
        }
        int tb = fe_new_block(cx), fb = fe_new_block(cx);
        fe_cond_stmt(cx, k[0], tb, fb);
        fe_set_block(cx, tb);
        fe_stmt(cx, k[1]);
        to_join(cx, &join);
        fe_set_block(cx, fb);
        if (n < 3)
            break;
        if (clang_getCursorKind(k[2]) != CXCursor_IfStmt) {
            fe_stmt(cx, k[2]);
            break;
        }
        s = k[2];
    }
    to_join(cx, &join);
    fe_set_block(cx, join);
}

/* ----------------------------------------------------------------- loops */

static void loop_body(fe_ctx *cx, CXCursor body, int brk, int cont) {
    fe_jump_push(cx, brk, cont);
    fe_stmt(cx, body);
    fe_jump_pop(cx);
    fe_goto(cx, cont);
}

static void while_stmt(fe_ctx *cx, CXCursor s) {
    CXCursor *k;
    if (kids(cx, s, &k) != 2)
        return fe_give_up(cx, s, "malformed while statement");
    int head = fe_new_block(cx);
    fe_goto(cx, head);
    fe_set_block(cx, head);
    int body = fe_new_block(cx), exit = fe_new_block(cx);
    fe_cond_stmt(cx, k[0], body, exit);
    fe_set_block(cx, body);
    loop_body(cx, k[1], exit, head);
    fe_set_block(cx, exit);
}

static void do_stmt(fe_ctx *cx, CXCursor s) {
    CXCursor *k;
    if (kids(cx, s, &k) != 2)
        return fe_give_up(cx, s, "malformed do statement");
    int body = fe_new_block(cx);
    fe_goto(cx, body);
    fe_set_block(cx, body);
    int cont = fe_new_block(cx), exit = fe_new_block(cx);
    loop_body(cx, k[0], exit, cont);
    fe_set_block(cx, cont);
    int back = fe_new_block(cx);
    fe_cond_stmt(cx, k[1], back, exit);
    fe_set_block(cx, back);
    fe_goto(cx, body);
    fe_set_block(cx, exit);
}

typedef struct for_parts {
    CXCursor init, cond, inc, body;
} for_parts;

static unsigned offset_of(CXSourceLocation l) {
    unsigned off = 0;
    clang_getExpansionLocation(l, NULL, NULL, NULL, &off);
    return off;
}

/* Finds the two ';' of "for (init; cond; inc)" by reading the tokens from
 * "for" to the body. False when they cannot be found (macro-made loops). */
static bool for_semicolons(fe_ctx *cx, CXCursor s, CXCursor body, unsigned semi[2]) {
    CXSourceRange r = clang_getRange(clang_getRangeStart(clang_getCursorExtent(s)),
                                     clang_getRangeStart(clang_getCursorExtent(body)));
    CXToken *toks = NULL;
    unsigned n = 0, found = 0;
    int depth = 0;
    clang_tokenize(cx->tu->tu, r, &toks, &n);
    for (unsigned i = 0; i < n && found < 2; i++) {
        if (clang_getTokenKind(toks[i]) != CXToken_Punctuation)
            continue;
        CXString sp = clang_getTokenSpelling(cx->tu->tu, toks[i]);
        const char *p = clang_getCString(sp);
        depth += (strcmp(p, "(") == 0) - (strcmp(p, ")") == 0);
        if (depth == 1 && strcmp(p, ";") == 0)
            semi[found++] = offset_of(clang_getTokenLocation(cx->tu->tu, toks[i]));
        clang_disposeString(sp);
    }
    if (toks)
        clang_disposeTokens(cx->tu->tu, toks, n);
    return found == 2;
}

/* libclang omits absent parts of a for statement; place the ones present. */
static for_parts for_classify(fe_ctx *cx, CXCursor s, CXCursor *k, int n) {
    for_parts p = {clang_getNullCursor(), clang_getNullCursor(), clang_getNullCursor(),
                   k[n - 1]};
    unsigned semi[2];
    if (n == 4) {
        p.init = k[0], p.cond = k[1], p.inc = k[2];
    } else if (for_semicolons(cx, s, k[n - 1], semi)) {
        for (int i = 0; i < n - 1; i++) {
            unsigned off = offset_of(clang_getRangeStart(clang_getCursorExtent(k[i])));
            *(off < semi[0] ? &p.init : off < semi[1] ? &p.cond : &p.inc) = k[i];
        }
    } else if (n == 3) { /* guess: init and condition */
        p.init = k[0], p.cond = k[1];
    } else if (n == 2) {
        *(clang_getCursorKind(k[0]) == CXCursor_DeclStmt ? &p.init : &p.cond) = k[0];
    }
    return p;
}

static void for_init(fe_ctx *cx, CXCursor init) {
    if (clang_Cursor_isNull(init))
        return;
    if (clang_getCursorKind(init) == CXCursor_DeclStmt)
        decl_stmt(cx, init);
    else
        expr_stmt(cx, init);
}

static void for_stmt(fe_ctx *cx, CXCursor s) {
    CXCursor *k;
    int n = kids(cx, s, &k);
    if (n < 1)
        return fe_give_up(cx, s, "malformed for statement");
    for_parts p = for_classify(cx, s, k, n);
    fe_scope_push(cx);
    for_init(cx, p.init);
    int head = fe_new_block(cx);
    fe_goto(cx, head);
    fe_set_block(cx, head);
    int body = fe_new_block(cx), exit = fe_new_block(cx), cont = fe_new_block(cx);
    if (clang_Cursor_isNull(p.cond))
        fe_goto(cx, body);
    else
        fe_cond_stmt(cx, p.cond, body, exit);
    fe_set_block(cx, body);
    loop_body(cx, p.body, exit, cont);
    fe_set_block(cx, cont);
    if (!clang_Cursor_isNull(p.inc))
        expr_stmt(cx, p.inc);
    fe_goto(cx, head);
    fe_set_block(cx, exit);
    fe_scope_pop(cx, fe_cursor_end(cx->tu, s));
}

/* ---------------------------------------------------------------- switch */

static fe_switch *innermost_switch(fe_ctx *cx) {
    for (int i = cx->njumps - 1; i >= 0; i--)
        if (cx->jumps[i].sw)
            return cx->jumps[i].sw;
    return NULL;
}

static fe_case *add_case(fe_ctx *cx, fe_switch *sw) {
    if (sw->n == sw->cap) {
        int cap = sw->cap ? sw->cap * 2 : 16;
        fe_case *c = ARENA_ARRAY(cx->mem, fe_case, cap);
        if (sw->n)
            memcpy(c, sw->cases, sizeof *c * (size_t)sw->n);
        sw->cases = c;
        sw->cap = cap;
    }
    fe_case *c = &sw->cases[sw->n++];
    memset(c, 0, sizeof *c);
    return c;
}

static bool case_value(fe_ctx *cx, CXCursor e, long long *v) {
    return fe_const_int(cx, e, v) || fe_eval_int(e, v);
}

/* Records one case/default label at a new block (fall-through from the
 * current one); returns the labelled statement. */
static CXCursor case_label(fe_ctx *cx, fe_switch *sw, CXCursor s) {
    CXCursor *k;
    int n = kids(cx, s, &k);
    int b = fe_new_block(cx);
    fe_goto(cx, b);
    fe_set_block(cx, b);
    if (clang_getCursorKind(s) == CXCursor_DefaultStmt) {
        if (sw)
            sw->default_block = b;
        return n ? k[n - 1] : clang_getNullCursor();
    }
    if (sw && n >= 2) {
        fe_case *c = add_case(cx, sw);
        c->block = b;
        c->loc = fe_cursor_loc(cx->tu, s);
        c->range = n >= 3;
        c->known = case_value(cx, k[0], &c->lo) && (!c->range || case_value(cx, k[1], &c->hi));
        if (!c->range)
            c->hi = c->lo;
    }
    return n ? k[n - 1] : clang_getNullCursor();
}

static bool is_case(CXCursor s) {
    enum CXCursorKind k = clang_getCursorKind(s);
    return k == CXCursor_CaseStmt || k == CXCursor_DefaultStmt;
}

/* case 1: case 2: ... stmt — iteratively. */
static void case_stmt(fe_ctx *cx, CXCursor s) {
    fe_switch *sw = innermost_switch(cx);
    while (!clang_Cursor_isNull(s) && is_case(s))
        s = case_label(cx, sw, s);
    if (!clang_Cursor_isNull(s))
        fe_stmt(cx, s);
}

static ir_operand int_op(long long v, ir_loc loc) {
    ir_operand o = {0};
    o.kind = IR_OP_INT;
    o.ival = v;
    o.type = IR_VT_INT;
    o.loc = loc;
    return o;
}

static void cmp_branch(fe_ctx *cx, ir_operand v, ir_cmp op, long long k, int t, int f,
                       ir_loc loc) {
    ir_cond c = {0};
    if (v.kind == IR_OP_PLACE) {
        c.kind = IR_COND_CMP;
        c.opnd = v;
        c.cmp = op;
        c.rhs = int_op(k, loc);
    }
    fe_branch(cx, c, t, f, loc);
}

/* One test of the dispatch chain: jump to the case's block or to next. */
static void dispatch_case(fe_ctx *cx, ir_operand v, const fe_case *c, int next) {
    if (!c->known) {
        fe_branch(cx, (ir_cond){0}, c->block, next, c->loc);
    } else if (v.kind == IR_OP_INT) {
        fe_goto(cx, v.ival >= c->lo && v.ival <= c->hi ? c->block : next);
    } else if (!c->range) {
        cmp_branch(cx, v, IR_EQ, c->lo, c->block, next, c->loc);
    } else {
        int mid = fe_new_block(cx);
        cmp_branch(cx, v, IR_GE, c->lo, mid, next, c->loc);
        fe_set_block(cx, mid);
        cmp_branch(cx, v, IR_LE, c->hi, c->block, next, c->loc);
    }
}

static void build_dispatch(fe_ctx *cx, int from, ir_operand v, fe_switch *sw, int exit) {
    fe_set_block(cx, from);
    for (int i = 0; i < sw->n && cx->cur >= 0; i++) {
        int next = fe_new_block(cx);
        dispatch_case(cx, v, &sw->cases[i], next);
        fe_set_block(cx, next);
    }
    fe_goto(cx, sw->default_block >= 0 ? sw->default_block : exit);
}

static void switch_stmt(fe_ctx *cx, CXCursor s) {
    CXCursor *k;
    if (kids(cx, s, &k) != 2)
        return fe_give_up(cx, s, "malformed switch statement");
    int mark = fe_temp_mark(cx);
    ir_operand v = fe_value(cx, k[0]);
    int from = fe_block(cx);
    fe_set_block(cx, -1); /* code before the first label is unreachable */
    int exit = fe_new_block(cx);
    fe_switch *sw = ARENA_NEW(cx->mem, fe_switch);
    sw->default_block = -1;
    fe_jump_push(cx, exit, -1)->sw = sw;
    fe_stmt(cx, k[1]);
    fe_jump_pop(cx);
    fe_goto(cx, exit);
    build_dispatch(cx, from, v, sw, exit);
    fe_set_block(cx, exit);
    fe_kill_temps(cx, mark, fe_cursor_loc(cx->tu, s));
}

/* ------------------------------------------------------------ jumps */

static void break_stmt(fe_ctx *cx, CXCursor s, bool is_continue) {
    for (int i = cx->njumps - 1; i >= 0; i--) {
        fe_jump *j = &cx->jumps[i];
        if (is_continue && j->cont < 0)
            continue;
        fe_kill_scopes_above(cx, j->scope_depth, fe_cursor_loc(cx->tu, s));
        fe_goto(cx, is_continue ? j->cont : j->brk);
        return;
    }
}

static void label_stmt(fe_ctx *cx, CXCursor s) {
    while (clang_getCursorKind(s) == CXCursor_LabelStmt) {
        const char *name = fe_spelling(cx->mem, s);
        int b = fe_label_block(cx, name);
        fe_scope_label(cx, name);
        fe_goto(cx, b);
        fe_set_block(cx, b);
        CXCursor *k;
        int n = kids(cx, s, &k);
        if (!n)
            return;
        s = k[n - 1];
    }
    fe_stmt(cx, s);
}

static void goto_stmt(fe_ctx *cx, CXCursor s) {
    CXCursor label = clang_getCursorReferenced(s);
    if (clang_Cursor_isNull(label)) {
        CXCursor *k;
        if (kids(cx, s, &k) < 1)
            return fe_give_up(cx, s, "goto without a label");
        label = k[0];
    }
    const char *name = fe_spelling(cx->mem, label);
    fe_scope_goto(cx, name, fe_cursor_loc(cx->tu, s));
    fe_goto(cx, fe_label_block(cx, name));
}

/* No kills before a return: the engine ends every life at the return. */
static void return_stmt(fe_ctx *cx, CXCursor s) {
    CXCursor *k;
    int mark = fe_temp_mark(cx);
    ir_operand v = {0};
    if (fe_expr_children(cx->tu, cx->mem, s, &k) > 0)
        v = fe_value(cx, k[0]);
    fe_cleanup_open_scopes(cx, &v, fe_cursor_loc(cx->tu, s));
    fe_return(cx, v, fe_cursor_loc(cx->tu, s));
    cx->ntemps = mark;
}

static void other_stmt(fe_ctx *cx, CXCursor s) {
    CXCursor *k;
    int n = kids(cx, s, &k);
    for (int i = 0; i < n; i++) {
        enum CXCursorKind kk = clang_getCursorKind(k[i]);
        if (clang_isStatement(kk) || clang_isExpression(kk))
            fe_stmt(cx, k[i]);
    }
}

static void stmt_inner(fe_ctx *cx, CXCursor s) {
    enum CXCursorKind k = clang_getCursorKind(s);
    if (clang_isExpression(k))
        return expr_stmt(cx, s);
    switch (k) {
    case CXCursor_CompoundStmt: return compound(cx, s);
    case CXCursor_DeclStmt: return decl_stmt(cx, s);
    case CXCursor_IfStmt: return if_stmt(cx, s);
    case CXCursor_WhileStmt: return while_stmt(cx, s);
    case CXCursor_DoStmt: return do_stmt(cx, s);
    case CXCursor_ForStmt: return for_stmt(cx, s);
    case CXCursor_SwitchStmt: return switch_stmt(cx, s);
    case CXCursor_CaseStmt:
    case CXCursor_DefaultStmt: return case_stmt(cx, s);
    case CXCursor_LabelStmt: return label_stmt(cx, s);
    case CXCursor_GotoStmt: return goto_stmt(cx, s);
    case CXCursor_IndirectGotoStmt:
        fe_give_up(cx, s, "computed goto");
        return fe_terminate(cx, IR_TERM_UNREACHABLE, fe_cursor_loc(cx->tu, s));
    case CXCursor_BreakStmt: return break_stmt(cx, s, false);
    case CXCursor_ContinueStmt: return break_stmt(cx, s, true);
    case CXCursor_ReturnStmt: return return_stmt(cx, s);
    case CXCursor_NullStmt:
    case CXCursor_GCCAsmStmt:
    case CXCursor_MSAsmStmt: return;
    default: return other_stmt(cx, s);
    }
}

void fe_stmt(fe_ctx *cx, CXCursor s) {
    if (!fe_enter(cx, s))
        return;
    stmt_inner(cx, s);
    fe_leave(cx);
}
