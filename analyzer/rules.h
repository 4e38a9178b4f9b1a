/* rules.h: reference behaviour of functions, loaded from rule files.
 *
 * A rule set maps a function (or function-like macro) name to what it
 * returns and what it does to each argument; it also names the struct types
 * that are reference-counted object headers and the refcount fields that old
 * incref/decref macros touch directly. The format is documented in
 * rules/README.md.
 *
 * Invariants: every rule remembers the file and line it came from; a later
 * rule for the same name replaces an earlier one (so a user's rule file can
 * override a built-in set). A rule set owns all its memory; rules_free()
 * releases it. Lookups return pointers into the set, valid until it is freed.
 */
#ifndef REFFLOW_RULES_H
#define REFFLOW_RULES_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

/* What a call returns. */
typedef enum rule_ret {
    RULE_RET_VALUE = 0,      /* not a reference (void, int, pointer to non-object) */
    RULE_RET_NEW,            /* a new reference, never NULL */
    RULE_RET_NEW_OR_NULL,    /* a new reference, or NULL on failure */
    RULE_RET_BORROWED,       /* a borrowed reference, never NULL */
    RULE_RET_BORROWED_OR_NULL,
    RULE_RET_STATUS,         /* int: negative on failure, >= 0 on success */
    RULE_RET_TRUTH,          /* int: 0 on failure, non-zero on success */
    RULE_RET_NORETURN,       /* does not return */
    RULE_RET_NULL,           /* a reference type, but always NULL (PyErr_Format) */
    RULE_RET_ARG,            /* "argN": returns its N-th argument, the same reference (a
                                cast or a normalizing helper); ret_arg is N - 1 */
    RULE_RET_UNKNOWN,        /* a reference nobody knows the ownership of: not checked
                              * (an inferred summary whose results have no one source) */
    RULE_RET_NEW_OR_ABSENT,  /* "new-or-null": a new reference, or NULL that is not a
                              * failure (no exception set: PyException_GetCause when
                              * there is no cause) */
    RULE_RET_LOOKUP,         /* "lookup": an int, -1 on failure, 0 when nothing was found,
                              * 1 when found; the out-new arguments receive NULL, NULL
                              * and a new reference (_PyObject_LookupAttr) */
    RULE_RET_NONNULL,        /* "nonnull": not a reference, a pointer that is never NULL
                              * (a helper returning its module's state, learned from
                              * its body) */
} rule_ret;

/* What a call does to one argument. */
typedef enum rule_arg {
    RULE_ARG_IGNORE = 0,     /* "-": not a reference */
    RULE_ARG_BORROW,         /* reads it; the caller keeps its reference */
    RULE_ARG_STEAL,          /* takes the caller's reference, success or not */
    RULE_ARG_STEAL_ON_SUCCESS, /* takes it only if the call succeeds (by ret) */
    RULE_ARG_INCREF,         /* adds a reference the caller now owns */
    RULE_ARG_DECREF,         /* releases one of the caller's references */
    RULE_ARG_OUT_NEW,        /* pointer to a variable that receives a new reference */
    RULE_ARG_OUT_BORROWED,   /* pointer to a variable that receives a borrowed one */
    RULE_ARG_INOUT_NEW,      /* pointer to a variable whose reference is taken and replaced
                                by a new one (NULL on failure): _PyBytes_Resize(&v, n) */
    RULE_ARG_CLEAR,          /* pointer to a variable: its reference (if not NULL) is
                                released and the variable set to NULL: g_clear_object(&v),
                                a cleanup attribute's function (g_autoptr) */
    RULE_ARG_KEEP,           /* reads it and keeps a reference of its own (a container's
                                insert: PyDict_SetItem's value, PyList_Append's item;
                                refcounts.dat's +1 on an argument): the caller keeps its
                                own, and the object outlives the caller's release */
    RULE_ARG_FREE,           /* frees the object (PyObject_GC_Del, a type's tp_free):
                                the function's own reference, if it holds one, is gone
                                with it; one whose count already reached 0 (a dealloc's
                                self) needs none. Later uses are uses after release */
    RULE_ARG_MOVE_OUT,       /* pointer to a variable: its reference becomes the call's
                                result and the variable is set to NULL: g_steal_pointer(&v)
                                (the rule's RET must be value) */
    RULE_ARG_REVIVE,         /* sets the object's count to 1 (_Py_NewReference on an
                                object taken from a free list): the caller owns exactly
                                one reference to it, whatever it owned before */
} rule_arg;

/* How variadic arguments after the last described one are treated. */
typedef enum rule_varargs {
    RULE_VA_NONE = 0,  /* no varargs described: extra args are borrowed */
    RULE_VA_BORROW,    /* "...": all borrowed */
    RULE_VA_BUILD,     /* "...build": Py_BuildValue format (N steals, O borrows) */
    RULE_VA_PARSE,     /* "...parse": PyArg_ParseTuple format (O outputs borrowed) */
} rule_varargs;

typedef struct rule_param {
    rule_arg effect;
    bool nullable;     /* "?" suffix: NULL is allowed here */
} rule_param;

typedef struct rule_fn {
    const char *name;
    rule_ret ret;
    int nparams;
    rule_param *params;
    rule_varargs varargs;
    int format_index;  /* for BUILD/PARSE: 0-based index of the format string
                        * argument (its param is RULE_ARG_IGNORE); -1 if none */
    int ret_arg;       /* RULE_RET_ARG: 0-based index of the returned argument */
    uint32_t stores;   /* bit i: argument i is "store", a borrow (its param's effect is
                        * RULE_ARG_BORROW) of a pointer the function writes into the
                        * heap, as Py_SET_TYPE(ob, type) does `ob->ob_type = type`: the
                        * front end lowers the call with that store after it, so an
                        * owned reference given there is handed over and a borrowed
                        * one stays borrowed */
    uint32_t stores_on_success; /* bit i: argument i is "store-on-success", a store
                        * (also set in stores) the function makes only when it
                        * succeeds (RET status or truth): _Py_hashtable_set's value,
                        * Py_AddPendingCall's argument */
    bool trusted;      /* its body is not checked (a "trusted NAME" line, in
                        * any order relative to the fn line) */
    const char *file;  /* rule file path (or built-in set name) */
    int line;
    const char *source; /* the trailing "# source" comment, if any, else NULL */
} rule_fn;

typedef struct rule_set rule_set;

rule_set *rules_new(void);
void rules_free(rule_set *rs);

/* The index (0-based) N - 1 of a return token "argN" (1 <= N <= 32), or -1. */
int rules_ret_arg_index(const char *tok);

/* Parses rule text (name is used in messages, e.g. "rules/rf.rules").
 * On a bad line: writes "name:line: reason" to err (size errlen), stops, and
 * returns false; rules already added stay. */
bool rules_parse(rule_set *rs, const char *name, const char *text, char *err, size_t errlen);
/* Same, for text that starts at line first_line of name (a fragment of a
 * larger file, e.g. one line of a generator's input table). */
bool rules_parse_at(rule_set *rs, const char *name, int first_line, const char *text,
                    char *err, size_t errlen);
/* Loads a file from disk; same error contract (a missing file is an error). */
bool rules_load_file(rule_set *rs, const char *path, char *err, size_t errlen);
/* Loads a built-in set by name ("rf", "cpython", ...); false with a message if
 * there is none by that name. */
bool rules_load_builtin(rule_set *rs, const char *setname, char *err, size_t errlen);
/* NULL-terminated list of the built-in set names. */
const char *const *rules_builtin_names(void);

/* "argN" with argument N "incref": the call returns that argument with a
 * new reference to it (`Py_INCREF(o); return o;`). */
bool rules_returns_arg_new(const rule_fn *r);

/* Does a result of this kind tell success from failure (status, truth,
 * new?, borrowed?: a non-NULL result is success)? steal-on-success needs it. */
bool rules_ret_tells_success(rule_ret r);

/* NULL if no rule names it. */
const rule_fn *rules_lookup(const rule_set *rs, const char *name);
/* Is "struct NAME" / typedef NAME a reference-counted object header type? */
bool rules_is_object_type(const rule_set *rs, const char *type_name);
/* Is NAME a refcount field (old-style macros write ->NAME++ directly)? */
bool rules_is_refcount_field(const rule_set *rs, const char *field_name);
/* Was NAME declared "trusted" (its body is not checked)? True also for a
 * trusted name that has no fn rule (calls to it then get the default). */
bool rules_is_trusted(const rule_set *rs, const char *name);
/* Was NAME declared "error-check" (it tells whether an error is pending,
 * as PyErr_Occurred does)? */
bool rules_is_error_check(const rule_set *rs, const char *name);
/* Was NAME declared "size-setter" (it sets a container's element count,
 * CPython's Py_SET_SIZE)? A function that calls it and returns an element
 * read from an array slot moves that element out (a pop). */
bool rules_is_size_setter(const rule_set *rs, const char *name);
/* Was NAME declared "error-clear" (it clears a pending error, as
 * PyErr_Clear and PyErr_Fetch do)? */
bool rules_is_error_clear(const rule_set *rs, const char *name);
/* Was NAME declared "module-state" (NAME(m) returns module m's per-module
 * state, as PyModule_GetState does: not NULL in a unit whose module
 * definitions all ask for state, ir_function.module_state)? */
bool rules_is_module_state(const rule_set *rs, const char *name);

/* A "cannot-fail NAME argN LO HI" line: a call to NAME whose N-th argument
 * is an integer known to lie in LO..HI always succeeds (CPython's
 * PyLong_FromLong of a preallocated small int). A "cannot-fail NAME argN
 * from CALL..." line: it succeeds when its N-th argument is the result of
 * one of the CALLs (PyType_GetName of a type PyType_FromSpec made). A
 * "cannot-fail NAME argN after CALL:argK..." line: it succeeds when its
 * N-th argument was the K-th argument of an earlier call to one of the
 * CALLs that succeeded (_PyUnicode_FromId of an identifier a successful
 * _PyObject_SetAttrId already resolved). */
typedef struct rule_cannot_fail {
    const char *name;
    int arg;              /* 0-based */
    long long lo, hi;     /* the range form (nfrom == 0 and nafter == 0) */
    const char **from;    /* the from form: the producing calls, owned by the set */
    int nfrom;
    const char **after;   /* the after form: the calls, owned by the set */
    int *after_arg;       /* the argument of each (0-based) */
    int nafter;
    int bit;              /* the after form: this rule's bit in sym.resolved */
} rule_cannot_fail;
/* NAME's cannot-fail rule, or NULL if it has none. */
const rule_cannot_fail *rules_cannot_fail(const rule_set *rs, const char *name);
/* The calls "cannot-fail ... from" lines name are producers, numbered from
 * 1 in the order first named (at most RULES_MAX_PRODUCERS). NAME's number,
 * or 0 if no such line names it. */
#define RULES_MAX_PRODUCERS 255
int rules_producer(const rule_set *rs, const char *name);
/* Does r's from list name producer number id (> 0)? */
bool rules_cannot_fail_from(const rule_set *rs, const rule_cannot_fail *r, int id);
/* At most this many "after" rules in a set (sym.resolved has a bit each). */
#define RULES_MAX_AFTER 8
/* The bits (rule_cannot_fail.bit) of the "after" rules whose lists name
 * argument k (0-based) of a call to NAME: what its success resolves. */
unsigned rules_resolved_by(const rule_set *rs, const char *name, int k);

/* Builds a rule for NAME from source annotations: each string is one
 * annotate("refflow:...") payload without the "refflow:" prefix, one of
 *   "ret=TOKEN"    TOKEN as in a rule line's return field (new?, borrowed, status, ...)
 *   "argN=TOKEN"   N is 1-based; TOKEN as in a rule line's argument field
 * nparams is the declaration's parameter count (unmentioned ones borrow).
 * file/line say where the declaration is. Returns false with a message in
 * err on an annotation it does not understand. The rule is owned by rs. */
bool rules_from_annotations(rule_set *rs, const char *name, const char *const *annots,
                            int nannots, int nparams, const char *file, int line,
                            const rule_fn **out, char *err, size_t errlen);

/* The origin (rule_fn.file) of rules that are summaries rather than lines of
 * a rule file: learned from a body, the convention, a declaration's
 * annotations. */
#define RULES_FROM_INFERRED "<inferred>"
#define RULES_FROM_CONVENTION "<convention>"
#define RULES_FROM_ANNOTATION "<annotation>"

/* Adds a copy of r (its name, effects and source) to rs, replacing any rule
 * of the same name, with file as its origin (copied) and line 0; returns
 * the copy, owned by rs. */
const rule_fn *rules_add_copy(rule_set *rs, const rule_fn *r, const char *file);
/* Do a and b describe the same behaviour (return, every argument, varargs)?
 * NULL equals only NULL. */
bool rules_same(const rule_fn *a, const rule_fn *b);

/* Iteration, in file order, for listing. */
int rules_count(const rule_set *rs);
const rule_fn *rules_at(const rule_set *rs, int i);
/* Writes one rule back in the rule-file syntax, without its source comment
 * and without a newline: "fn NAME RET ARG... [VARARGS]". Two rules mean the
 * same exactly when they format the same. */
void rules_format(const rule_fn *r, FILE *out);
/* The same followed by "  # source: SOURCE" when the rule has one: the whole
 * line as a rule file holds it (no newline). */
void rules_format_line(const rule_fn *r, FILE *out);
/* Writes the whole set as a rule file that parses back to an equal set:
 * type lines, refcount-field lines, fn lines (file order), trusted lines. */
void rules_format_set(const rule_set *rs, FILE *out);
/* The lines of rs that are not fn rules: its object types and refcount
 * fields (declarations), and its trusted, error-check, size-setter,
 * error-clear, module-state and cannot-fail lines (directives). */
void rules_format_declarations(const rule_set *rs, FILE *out);
void rules_format_directives(const rule_set *rs, FILE *out);

const char *rule_ret_name(rule_ret r);
const char *rule_arg_name(rule_arg a);
/* "" for RULE_VA_NONE, else "...", "...build", "...parse". */
const char *rule_varargs_name(rule_varargs v);

#endif
