/* frontend_lower.h: state shared by the front end's files (frontend_*.c only;
 * the one header besides them that includes clang-c/Index.h).
 *
 * One fe_tu lives for a translation unit: its arena holds what every
 * function's IR may point to (file names, callee facts, the object-type
 * cache). One fe_ctx lives for one function being lowered: its arena is the
 * ir_function's arena and is dropped after the callback.
 *
 * Building discipline: cx->cur is the block being filled, or -1 after a
 * terminator (dead code). Emitting into a dead position opens a fresh block
 * that nothing reaches; ir_finish() drops it. Every recursive lowering
 * function goes through fe_enter()/fe_leave(), which bounds the C stack: past
 * FE_MAX_DEPTH the construct is given up (UNKNOWN / skipped) and the function
 * is marked incomplete with one warning.
 */
#ifndef REFFLOW_FRONTEND_LOWER_H
#define REFFLOW_FRONTEND_LOWER_H

#include <clang-c/Index.h>

#include "frontend.h"
#include "typegraph.h"

#define FE_MAX_DEPTH 1000

/* Cursor-keyed hash map (open addressing) to an int or a pointer. */
typedef struct fe_cmap_slot {
    CXCursor key;
    unsigned hash;
    bool used;
    int ival;
    void *pval;
} fe_cmap_slot;

typedef struct fe_cmap {
    fe_cmap_slot *slots;
    int cap, n;
} fe_cmap;

/* String-keyed map (labels). */
typedef struct fe_smap_slot {
    const char *key;
    int val;
} fe_smap_slot;

typedef struct fe_smap {
    fe_smap_slot *slots;
    int cap, n;
} fe_smap;

/* Per translation unit. */
typedef struct fe_tu {
    const fe_options *opt;
    CXTranslationUnit tu;
    CXFile main_file;
    arena mem;             /* lives until fe_run returns */
    fe_cmap types;         /* record decl -> is an object header (ival 1/0) */
    fe_cmap callees;       /* function decl -> ir_callee* */
    struct fe_file_name *files;
    int nfiles, files_cap;
    int errors;            /* clang error diagnostics */
    FILE *diag;
    CXCursor *scratch;     /* fe_children's collection buffer (malloc) */
    int nscratch, scratch_cap;
    const char *src;       /* main file contents (owned by the TU), or NULL */
    size_t src_len;
    unsigned *line_start;  /* offsets of the main file's lines, 1-based */
    unsigned nlines;
    const char **line_text; /* trimmed line texts made so far (TU arena) */
    fe_smap address_taken; /* functions named in file-scope initializers (ival 1) */
    rule_set *annot_rules; /* rules read off callees' refflow annotations that name a
                              store argument (frontend_call.c), made on first need */
    bool module_state;     /* fe_module_state: the unit's module state always exists */
} fe_tu;

typedef struct fe_case {
    long long lo, hi;
    bool known;            /* value(s) evaluated */
    bool range;            /* GNU case lo ... hi */
    int block;
    ir_loc loc;
} fe_case;

typedef struct fe_switch {
    fe_case *cases;
    int n, cap;
    int default_block;     /* -1 if none */
} fe_switch;

/* A loop or switch that break/continue may leave. */
typedef struct fe_jump {
    int brk, cont;         /* target blocks; cont -1 for a switch */
    int scope_depth;       /* scopes open when the statement started */
    fe_switch *sw;         /* for a switch */
} fe_jump;

/* A block scope; all scopes of a function are kept (a tree by parent) so
 * that gotos can be resolved after the labels are known. */
typedef struct fe_scope {
    int parent;            /* enclosing scope id, -1 for the outermost */
    int *vars;             /* declared in it, in order (increasing var ids) */
    int n, cap;
} fe_scope;

/* A goto waiting for its label's scope (frontend_scope.c). */
typedef struct fe_pending_goto {
    int block;             /* the block the goto ends */
    int scope;             /* innermost open scope at the goto */
    int nvars;             /* vars existing then: later ones are not yet declared */
    const char *label;
    ir_loc loc;
} fe_pending_goto;

/* Per function being lowered. */
typedef struct fe_ctx {
    fe_tu *tu;
    arena *mem;            /* the function's arena */
    ir_function *f;
    int cur;               /* block being filled, -1 when dead */
    fe_cmap vars;          /* local decl cursor -> var id */
    fe_cmap kept_init;     /* local decl cursor -> keeps its initializer (ival 1/0),
                              frontend_constvar.c's answers */
    fe_smap labels;        /* label name -> block id */
    int *temps;            /* temporaries alive in the current full expression */
    int ntemps, temps_cap;
    fe_scope *scopes;      /* every scope so far, by id */
    int nscopes, scopes_cap;
    int *open;             /* ids of the open scopes, outermost first */
    int nopen, open_cap;
    fe_smap label_scopes;  /* label name -> id of the scope it is in */
    fe_pending_goto *gotos;
    int ngotos, gotos_cap;
    fe_jump *jumps;
    int njumps, jumps_cap;
    int depth;
    bool gave_up;          /* a depth/unsupported warning was printed */
    const char **cleanups; /* by var id: its cleanup attribute's function, or NULL */
    int cleanups_cap;
} fe_ctx;

/* --- frontend_util.c: maps, children, locations, tokens --- */
void fe_cmap_init(fe_cmap *m);
void fe_cmap_free(fe_cmap *m);
fe_cmap_slot *fe_cmap_get(fe_cmap *m, CXCursor key);
fe_cmap_slot *fe_cmap_put(fe_cmap *m, CXCursor key);
int fe_smap_get(const fe_smap *m, const char *key);
void fe_smap_put(fe_smap *m, arena *a, const char *key, int val);
/* Direct children of c, in order, copied into arena a. */
int fe_children(fe_tu *t, arena *a, CXCursor c, CXCursor **out);
/* Only the children that are expressions. */
int fe_expr_children(fe_tu *t, arena *a, CXCursor c, CXCursor **out);
ir_loc fe_loc(fe_tu *t, CXSourceLocation l);
ir_loc fe_cursor_loc(fe_tu *t, CXCursor c);     /* start of the extent */
ir_loc fe_cursor_end(fe_tu *t, CXCursor c);     /* last character of the extent */
ir_loc fe_name_loc(fe_tu *t, CXCursor c);       /* clang's cursor location */
bool fe_in_main_file(fe_tu *t, CXCursor c);
/* Cursor spelling copied into arena a. */
const char *fe_spelling(arena *a, CXCursor c);
/* Do a and b start at the same spelled position (an implicit conversion and
 * its operand do)? */
bool fe_same_spelling_loc(CXCursor a, CXCursor b);
/* Is s (may be NULL) one of the NULL-terminated list? */
bool fe_in_names(const char *const *list, const char *s);
/* `!x`, `a && b`, `a || b`: an operator whose value is a truth test. */
bool fe_is_logical(CXCursor s);
/* Arena array growth by doubling: returns old if n < *cap, else a copy of
 * its n elements in a larger array from a (updating *cap). */
void *fe_grow(arena *a, void *old, int n, int *cap, size_t elem);
/* The trimmed source line at l (main file only; at most 120 characters), for
 * ir_instr.text; NULL elsewhere. TU arena. */
const char *fe_line_text(fe_tu *t, ir_loc l);
void fe_warn(fe_tu *t, ir_loc l, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* --- frontend_types.c --- */
ir_vtype fe_vtype(fe_tu *t, CXType ty);
bool fe_is_array_type(CXType ty);
bool fe_is_pointer_type(CXType ty);
/* The struct a member expression's field belongs to: its tag, or for an
 * anonymous struct the typedef name the base pointer type base is written
 * with; NULL if neither (TU arena). */
const char *fe_member_record(fe_tu *t, CXCursor member, CXType base);

/* --- frontend_callee.c --- */
/* Facts about function declaration d, cached per TU (TU arena). */
const ir_callee *fe_callee(fe_tu *t, CXCursor d);

/* --- frontend_const.c --- */
CXCursor fe_strip(fe_ctx *cx, CXCursor e);
bool fe_const_int(fe_ctx *cx, CXCursor e, long long *out);
/* clang's evaluation of e as an integer constant (unsigned values as their bits). */
bool fe_eval_int(CXCursor e, long long *out);
/* Null pointer constant: pointer-typed e whose stripped core is integer 0. */
bool fe_is_null(fe_ctx *cx, CXCursor e);
const char *fe_string_literal(arena *a, CXCursor lit);

/* --- frontend_lower.c: building helpers --- */
int fe_block(fe_ctx *cx);                 /* current block, opened if dead */
void fe_set_block(fe_ctx *cx, int b);
int fe_new_block(fe_ctx *cx);
ir_instr *fe_emit(fe_ctx *cx, ir_instr_kind k, ir_loc loc);
void fe_goto(fe_ctx *cx, int target);
void fe_branch(fe_ctx *cx, ir_cond c, int t, int f, ir_loc loc);
void fe_terminate(fe_ctx *cx, ir_term_kind k, ir_loc loc);
void fe_return(fe_ctx *cx, ir_operand value, ir_loc loc);
int fe_temp(fe_ctx *cx, ir_vtype type);
int fe_temp_mark(fe_ctx *cx);
/* Kills the temporaries made since mark at the current position. */
void fe_kill_temps(fe_ctx *cx, int mark, ir_loc loc);
/* Kills them at the head of blocks a and b (condition successors). */
void fe_kill_temps_in(fe_ctx *cx, int mark, int a, int b, ir_loc loc);
void fe_emit_kill_at(fe_ctx *cx, int b, const int *vars, int n, ir_loc loc);

/* --- frontend_scope.c --- */
void fe_scope_push(fe_ctx *cx);
void fe_scope_add(fe_ctx *cx, int var);
void fe_scope_pop(fe_ctx *cx, ir_loc loc);
/* Kills the variables of the open scopes above depth (break/continue). */
void fe_cleanup_open_scopes(fe_ctx *cx, ir_operand *value, ir_loc loc);
void fe_kill_scopes_above(fe_ctx *cx, int depth, ir_loc loc);
/* A label defined here / a goto to it ending the current block. */
void fe_scope_label(fe_ctx *cx, const char *name);
void fe_scope_goto(fe_ctx *cx, const char *label, ir_loc loc);
/* After the body: each goto kills what it leaves (scopes not around its label). */
void fe_goto_kills(fe_ctx *cx);
fe_jump *fe_jump_push(fe_ctx *cx, int brk, int cont);
void fe_jump_pop(fe_ctx *cx);
int fe_label_block(fe_ctx *cx, const char *name);
bool fe_enter(fe_ctx *cx, CXCursor at);
void fe_leave(fe_ctx *cx);
void fe_give_up(fe_ctx *cx, CXCursor at, const char *why);
/* The var for a local declaration, or -1 (globals, statics). */
int fe_local_var(fe_ctx *cx, CXCursor decl);
int fe_declare_local(fe_ctx *cx, CXCursor decl);
/* Calls f(&v) for each of vars (last first) declared with
 * __attribute__((cleanup(f))), appended to block b. */
void fe_emit_cleanups_at(fe_ctx *cx, int b, const int *vars, int n, ir_loc loc);

/* --- frontend_cleanup.c --- */
/* The function a variable's cleanup attribute names; NULL if it has none
 * that can be read (see the file's comment). */
const char *fe_cleanup_function(fe_tu *t, arena *a, CXCursor var);

/* --- frontend_expr.c --- */
ir_operand fe_value(fe_ctx *cx, CXCursor e);
void fe_effect(fe_ctx *cx, CXCursor e);
void fe_assign_to(fe_ctx *cx, ir_place dst, CXCursor e, ir_loc loc);
bool fe_place(fe_ctx *cx, CXCursor e, ir_place *out);
/* The place *ptr, whose value has type type_of (ptr's USE emitted; for
 * ptr = &x, x itself). */
bool fe_pointee_place(fe_ctx *cx, CXCursor ptr, CXType type_of, ir_loc loc, ir_place *out);
ir_operand fe_unknown(fe_ctx *cx, CXCursor e);

/* --- frontend_constvar.c --- */
/* Is var a local variable of the function being lowered that keeps its
 * initializer (never assigned, incremented or address-taken)? Sets *init. */
bool fe_local_initializer(fe_ctx *cx, CXCursor var, CXCursor *init);

/* --- frontend_atomic.c --- */
/* If e is an atomic store builtin (__c11_atomic_store, __atomic_store_n,
 * __atomic_store), lowers it as the store it is and returns true. */
bool fe_atomic_store(fe_ctx *cx, CXCursor e);

/* --- frontend_init.c --- */
/* dst = init, where init may be a brace list (written element by element). */
void fe_init_into(fe_ctx *cx, ir_place dst, CXType ty, CXCursor init, ir_loc loc);

/* --- frontend_call.c --- */
/* Lowers call e; dst NULL: result unused (want_value false) or a temp. */
ir_operand fe_call(fe_ctx *cx, CXCursor e, const ir_place *dst, bool want_value);
/* Is e a call to __builtin_expect-like identity builtins? Sets *arg. */
bool fe_is_expect_call(CXCursor e, CXCursor *arg);

/* --- frontend_store.c --- */
/* After the call instruction call (just emitted): the stores its rule's
 * "store" / "store-on-success" arguments stand for (the latter on the
 * branch where the call succeeded; the call's dst is then given a temporary
 * if it had none). call may move: not used afterwards. Returns the call's
 * result place. */
ir_place fe_call_stores(fe_ctx *cx, ir_instr *call, ir_loc loc);

/* --- frontend_cond.c --- */
void fe_cond(fe_ctx *cx, CXCursor e, int t, int f);
/* A statement's condition: branch, then kill its temporaries in t and f. */
void fe_cond_stmt(fe_ctx *cx, CXCursor e, int t, int f);
ir_operand fe_logical_value(fe_ctx *cx, CXCursor e);
void fe_logical_into(fe_ctx *cx, CXCursor e, ir_place dst);
ir_operand fe_conditional_value(fe_ctx *cx, CXCursor e, bool want_value);
/* c ? a : b assigned arm by arm into dst. */
void fe_conditional_into(fe_ctx *cx, CXCursor e, const ir_place *dst);
void fe_logical_effect(fe_ctx *cx, CXCursor e);

/* --- frontend_stmt.c --- */
void fe_stmt(fe_ctx *cx, CXCursor s);

/* --- frontend_lower.c --- */
ir_function *fe_lower_function(fe_tu *t, arena *a, CXCursor fn);

/* --- frontend_typegraph.c / frontend_typeobj.c: the type reference graph --- */
/* The front end's side of a typegraph being filled: which record is which
 * node, and each node's fields' declarations (to match a traverse body's
 * member references). Lives in the TU arena and maps. */
typedef struct fe_tg {
    fe_tu *t;
    typegraph *g;
    fe_cmap names;         /* record decl (canonical) -> typedef name (pval) */
    fe_cmap nodes;         /* record decl (canonical) -> node index + 1 (ival); 0: not a node */
    CXCursor **field_decls; /* per node: each field's FieldDecl (canonical) */
    CXCursor *records;     /* per node: its record declaration */
    int cap;
    struct fe_releasers *rel; /* per type object read: its dealloc and clear */
    int nrel, relcap;
} fe_tg;

/* --- frontend_moduledef.c --- */
/* Does the unit define PyModuleDefs, each asking for module state (m_size >
 * 0) and none with a Py_mod_create slot? Then CPython has allocated the
 * state whenever the unit's code can ask for it. */
bool fe_module_state(fe_tu *t);

/* Fills g from the unit's object structs and type objects (frontend.h). */
void fe_typegraph(fe_tu *t, typegraph *g);
/* Name of a record: its typedef name, else its tag; NULL if anonymous. */
const char *fe_tg_record_name(fe_tg *x, CXCursor record);
/* Node index of a record declaration (canonicalized), or -1. */
int fe_tg_node(fe_tg *x, CXCursor record);
/* Reads the unit's type objects (rf_type, PyTypeObject, PyType_Spec) into
 * the nodes they describe, with traverse coverage. */
void fe_typeobjs(fe_tg *x);
/* Marks the graph's leaf fields: those every store of the unit fills with
 * NULL or an object without references (frontend_fieldcontent.c). After
 * fe_typeobjs (it needs the type objects), before tg_finish. */
void fe_field_contents(fe_tg *x);

#endif
