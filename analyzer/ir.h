/* ir.h: the per-function intermediate form that the ownership engine walks.
 *
 * The front end (the only code that sees libclang) lowers each function
 * definition into an ir_function: a control-flow graph of basic blocks, each
 * a list of instructions ended by one terminator. The engine never looks at
 * the AST; everything it needs is here.
 *
 * Invariants (checked by ir_validate):
 *  - blocks[0] is the entry block; every terminator target is a valid block id;
 *  - every place's var id is < nvars; temporaries are vars with is_temp set;
 *  - operands of kind IR_OP_PLACE / IR_OP_ADDR carry a place;
 *  - a call with no use of its result has dst.kind == IR_PLACE_NONE.
 *
 * Values live in places: a local variable or parameter (IR_PLACE_VAR), a
 * global (IR_PLACE_GLOBAL), or a path off one of those. A path step is a
 * field access ("." on a struct value, "->" through a pointer) or an
 * array/pointer index. Any "->", "*p" or index through a pointer makes the
 * place a heap place (is_heap): storing an owned reference there hands it to
 * the heap. Nested dereferences (p->a->b) are lowered through temporaries, so
 * a place has at most one heap step, its first.
 *
 * Lifetimes: IR_KILL ends the life of block-scoped variables at scope exit
 * (including break/continue out of the scope) and of temporaries at the end
 * of the full expression that made them; for a branch condition the kill is
 * emitted at the head of each successor.
 *
 * Locations are expansion locations: a macro's tokens are reported at the
 * user's line where the macro is written.
 *
 * Memory: an ir_function and everything it points to belong to the arena
 * given to the front end; nothing is freed alone.
 */
#ifndef REFFLOW_IR_H
#define REFFLOW_IR_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "arena.h"

typedef struct ir_loc {
    const char *file;   /* path as given on the command line for the main file */
    uint32_t line, col; /* 1-based; 0 when unknown */
} ir_loc;

/* What a variable holds, as far as reference counting cares. */
typedef enum ir_vtype {
    IR_VT_OTHER = 0, /* not interesting */
    IR_VT_REF,       /* pointer to a reference-counted object type */
    IR_VT_INT,       /* integer (status results, comparisons) */
    IR_VT_PTR,       /* other pointer (may be NULL-checked, not counted) */
    IR_VT_STRUCT,    /* struct/union value: its fields are local places */
} ir_vtype;

typedef struct ir_var {
    const char *name;   /* source name; temporaries are named "tmp.N" */
    ir_vtype type;
    bool is_param;
    bool is_temp;
    bool is_array;      /* local array: its elements are not tracked */
    int param_index;    /* when is_param */
    ir_loc decl;
} ir_var;

typedef enum ir_place_kind {
    IR_PLACE_NONE = 0,
    IR_PLACE_VAR,     /* local, parameter or temporary: var */
    IR_PLACE_GLOBAL,  /* global or static variable: global */
} ir_place_kind;

typedef enum ir_step_kind {
    IR_STEP_FIELD,    /* .name on a struct value */
    IR_STEP_ARROW,    /* ->name through a pointer (heap) */
    IR_STEP_DEREF,    /* *p (heap) */
    IR_STEP_INDEX,    /* [i] on an array or pointer; index not tracked */
} ir_step_kind;

typedef struct ir_step {
    ir_step_kind kind;
    const char *field;  /* for FIELD and ARROW; for INDEX, the index when the front end
                           can name it ("#3" a constant, "$5" local variable 5), else NULL */
    const char *record; /* ARROW: the struct type the field belongs to (its tag, or
                           the typedef name of an anonymous struct); NULL if unknown.
                           Not part of the place's identity. */
} ir_step;

typedef struct ir_place {
    ir_place_kind kind;
    int var;            /* IR_PLACE_VAR */
    const char *global; /* IR_PLACE_GLOBAL: the variable's name */
    int nsteps;
    ir_step *steps;     /* path from the root, outermost last */
    ir_vtype type;      /* type of the value stored at this place */
    bool is_heap;       /* some step goes through a pointer */
} ir_place;

typedef enum ir_operand_kind {
    IR_OP_NONE = 0,
    IR_OP_PLACE,   /* the value read from place */
    IR_OP_ADDR,    /* &place: the address of a place (out-parameters, &global) */
    IR_OP_NULL,    /* a null pointer constant */
    IR_OP_INT,     /* an integer constant: ival */
    IR_OP_STRING,  /* a string literal: str (format strings) */
    IR_OP_UNKNOWN, /* a value the IR does not model */
} ir_operand_kind;

typedef struct ir_operand {
    ir_operand_kind kind;
    ir_place place;     /* PLACE, ADDR */
    long long ival;     /* INT */
    const char *str;    /* STRING: the literal's contents, unescaped */
    ir_vtype type;      /* the operand's value type */
    ir_loc loc;
} ir_operand;

/* Ownership facts the front end read off a function's declaration: the
 * strings of its annotate("refflow:...") attributes (RF_NEW_REF,
 * RF_BORROWED_REF, RF_STEALS(n), ...), passed through unparsed; rules.h
 * turns them into a rule (rules_from_annotations). */
typedef struct ir_callee {
    const char *name;      /* NULL for an indirect call, except through a slot */
    const char *slot;      /* an indirect call through a struct's function-pointer
                              field ("p->tp_free(x)", or a local variable set once
                              from one): "RECORD.FIELD", the struct's tag (or an
                              anonymous struct's typedef name) and the field, also
                              its name; only a rule of that name describes the call
                              (contract.c). NULL otherwise */
    const char **annots;   /* annotate strings starting "refflow:", without the prefix */
    int nannots;
    bool returns_ref;      /* declared return type is IR_VT_REF */
    bool returns_int;
    bool returns_void;     /* declared to return void: it cannot report a failure */
    bool noreturn;         /* _Noreturn / __attribute__((noreturn)) */
    bool defined_here;     /* its body is in this translation unit's main file */
    bool is_static;        /* internal linkage: its contract is private to the file */
    bool address_taken;    /* named in a file-scope initializer (a method table, a
                              type slot): its contract is set by whoever calls it there */
    int nparams;           /* declared parameters; -1 if unknown (K&R, indirect) */
    bool variadic;
    ir_loc decl;           /* where it is declared (for messages) */
} ir_callee;

typedef enum ir_instr_kind {
    IR_ASSIGN,   /* dst = src */
    IR_CALL,     /* dst = callee(args...); dst may be NONE */
    IR_USE,      /* src is dereferenced (p->f, *p, p[i]) */
    IR_REFCNT,   /* src->refcount field ++ or -- written out (old macros) */
    IR_KILL,     /* the places in kills end their life here */
} ir_instr_kind;

typedef struct ir_instr {
    ir_instr_kind kind;
    ir_loc loc;
    ir_place dst;          /* ASSIGN, CALL */
    ir_operand src;        /* ASSIGN, USE, REFCNT */
    int refcnt_delta;      /* REFCNT: +1 or -1 */
    ir_callee callee;      /* CALL */
    ir_operand *args;      /* CALL */
    int nargs;
    int *kills;            /* KILL: var ids */
    int nkills;
    const char *text;      /* short source text of the statement, for notes */
} ir_instr;

typedef enum ir_cond_kind {
    IR_COND_UNKNOWN = 0, /* both successors feasible, nothing learned */
    IR_COND_TRUTH,       /* true when opnd is non-zero / non-NULL */
    IR_COND_CMP,         /* opnd CMP rhs (rhs: a constant, an address or a pointer place) */
} ir_cond_kind;

typedef enum ir_cmp { IR_EQ, IR_NE, IR_LT, IR_LE, IR_GT, IR_GE } ir_cmp;

typedef struct ir_cond {
    ir_cond_kind kind;
    ir_operand opnd;
    ir_cmp cmp;
    ir_operand rhs;      /* IR_OP_NULL, IR_OP_INT, or (EQ/NE only) IR_OP_ADDR of a global
                            or IR_OP_PLACE of a pointer (two pointers compared) */
} ir_cond;

typedef enum ir_term_kind {
    IR_TERM_NONE = 0,    /* only while building */
    IR_TERM_GOTO,        /* to target[0] */
    IR_TERM_BRANCH,      /* cond ? target[0] : target[1] */
    IR_TERM_RETURN,      /* value may be IR_OP_NONE */
    IR_TERM_UNREACHABLE, /* after a call that does not return */
} ir_term_kind;

typedef struct ir_term {
    ir_term_kind kind;
    ir_loc loc;
    int target[2];
    ir_cond cond;
    ir_operand value;    /* RETURN */
} ir_term;

typedef struct ir_block {
    int id;
    ir_instr *instrs;
    int ninstrs, cap;
    ir_term term;
    bool is_loop_head;   /* target of a back edge (loop condition/label) */
    const char *label;   /* source label, if any */
} ir_block;

typedef struct ir_function {
    const char *name;
    ir_loc loc;            /* the definition */
    ir_loc end;            /* closing brace */
    ir_callee self;        /* its own declaration facts (annotations) */
    ir_var *vars;
    int nvars, var_cap;
    ir_block *blocks;
    int nblocks, block_cap;
    bool incomplete;       /* the AST had errors; lowering went as far as it could */
    bool module_state;     /* its unit's module state always exists when the code
                              asks for it (frontend_moduledef.c): a "module-state"
                              call's result is not NULL */
    arena *arena;
    int ntemps;            /* temporaries made so far (names tmp.1 .. tmp.N) */
} ir_function;

/* --- building (used by the front end) --- */
ir_function *ir_function_new(arena *a, const char *name);
int ir_add_var(ir_function *f, const char *name, ir_vtype type, ir_loc decl);
int ir_add_temp(ir_function *f, ir_vtype type);
int ir_add_block(ir_function *f);
/* Appends a copy of *in to block b; returns a pointer into the block. */
ir_instr *ir_append(ir_function *f, int b, const ir_instr *in);
ir_place ir_place_var(const ir_function *f, int var);
/* A global (or function-static) variable by name (arena copy). */
ir_place ir_place_global(ir_function *f, const char *name, ir_vtype type);
/* Returns a new place: base followed by one more step (arena copy of steps).
 * ARROW and DEREF set is_heap; for an INDEX through a pointer the caller
 * sets is_heap itself (only it knows the base is a pointer). */
ir_place ir_place_step(ir_function *f, ir_place base, ir_step_kind k, const char *field,
                       ir_vtype type);
/* Ends building: threads empty unlabelled goto blocks, merges a block into
 * its only predecessor when that ends in a goto to it, drops blocks that
 * cannot be reached from the entry, renumbers the rest in reverse postorder
 * (every block after its forward-edge predecessors; a branch's true side
 * before its false side), gives any block still without a terminator a
 * return at f->end, and sets is_loop_head on the targets of back edges
 * (depth-first from the entry). */
void ir_finish(ir_function *f);
/* Rewrites `*pp` to `o` where pp is a local pointer assigned once, from &o,
 * whose own address is never taken (ir_forward.c). Call after ir_finish. */
void ir_forward_local_pointers(ir_function *f);

/* A copy of the finished function f in arena to, at its exact size: its
 * arrays, and the strings that live in f's own arena (each distinct one
 * once); strings from elsewhere are shared with f. The copy's arena is to
 * (ir_place_name allocates there). f is not changed; f's arena may be
 * dropped afterwards (ir_compact.c). */
ir_function *ir_compact(const ir_function *f, arena *to);

/* --- inspecting --- */
/* Checks the invariants at the top of this file; writes the first problem to
 * err (size errlen) and returns false if one fails. */
bool ir_validate(const ir_function *f, char *err, size_t errlen);
/* Stable text form for tests and debugging. */
void ir_dump(const ir_function *f, FILE *out);
void ir_dump_place(const ir_function *f, const ir_place *p, FILE *out);
void ir_dump_operand(const ir_function *f, const ir_operand *o, FILE *out);
/* Name of the place for messages ("x", "self->next", "*out"); arena copy. */
const char *ir_place_name(ir_function *f, const ir_place *p);
bool ir_place_equal(const ir_place *a, const ir_place *b);

#endif
