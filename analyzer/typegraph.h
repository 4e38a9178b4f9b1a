/* typegraph.h: the type reference graph of one translation unit: which
 * struct types are reference-counted objects, which of their fields hold
 * owned references to which types, what describes each type to the tracing
 * collector (its rf_type / PyTypeObject / PyType_Spec), and whether that
 * collector can traverse it. The front end fills it (frontend_typegraph.c,
 * frontend_typeobj.c); the store writes it (types, type_edges); the checks
 * judge it (cycle-untraced) and consult it (cycle-created).
 *
 * The graph's nodes are the object structs the unit defines (in any file it
 * includes). Edges are their owned reference fields:
 *  - TYPED: a pointer to a specific object struct (struct node *next);
 *  - ANY: a pointer to the generic header (PyObject *, rf_object *): it may
 *    hold an object of any type;
 *  - CONTAINER: an array of object pointers (PyObject **items, PyObject
 *    *ob_item[1]) or a pointer to a built-in container (PyListObject *,
 *    PyDictObject *, ...): it may hold any number of objects of any type.
 * A struct whose first member embeds another object struct by value (a
 * subtype) lists the base's fields too, named "base.field".
 *
 * Cycles (tg_field_cycle): a field F of type A is on a cycle through A when
 * following owned edges from F's targets leads back into A through a TYPED
 * field declared to hold an A (or one of A's bases). ANY and CONTAINER
 * edges reach every type of the graph, but a cycle must re-enter A through
 * a field that names A: an A holding "any object" is not by itself on a
 * cycle (otherwise every type with a PyObject * field would be), while
 * A.cb (any) -> B.owner (an A) is.
 *
 * Leaf fields: a field the unit only ever fills with objects that refer to
 * nothing (a bytes, a str, an int: frontend_fieldcontent.c) is no edge of
 * a cycle, like a borrowed one, but it stays owned: a store into it hands
 * its reference over.
 *
 * Owned or borrowed: every object pointer field is owned, except one
 * annotated RF_BORROWED_REF (annotate "refflow:ret=borrowed" on the field)
 * and the weak-reference conventions: a name ending in "weakreflist" and
 * CPython's weakref links (wr_object, wr_prev, wr_next). Otherwise, when the
 * unit has the body of the type's dealloc or clear, a field of the struct's
 * own (not a base's) that neither names, other than to test it or to read
 * through it, is borrowed: nothing releases what it holds (_threadmodule's
 * localdummyobject.localdict, moduleobject's md_def); one they name is
 * owned even if its comment says "weak" (_ssl's PySSLSocket.ctx). Without
 * such a body, a comment on the field's line saying "borrowed" or "weak"
 * makes it borrowed. Borrowed fields are kept in the graph with owned =
 * false and never form cycles; a store into one hands nothing over
 * (engine_place.c).
 *
 * Memory: everything lives in the graph's arena; tg_free releases it.
 */
#ifndef REFFLOW_TYPEGRAPH_H
#define REFFLOW_TYPEGRAPH_H

#include <stdbool.h>

#include "arena.h"
#include "ir.h"

typedef enum tg_flavor {
    TG_FLAVOR_RF,      /* the bundled runtime: rf_object header, rf_type */
    TG_FLAVOR_CPYTHON, /* PyObject header, PyTypeObject / PyType_Spec */
    TG_FLAVOR_RULE,    /* another header named by a rule (GObject, kref): no collector */
} tg_flavor;

typedef enum tg_edge_kind { TG_EDGE_TYPED, TG_EDGE_ANY, TG_EDGE_CONTAINER } tg_edge_kind;

/* Does the type's traverse function visit a field? */
typedef enum tg_visit {
    TG_VISIT_UNKNOWN = 0, /* no traverse body in this unit, or it delegates elsewhere */
    TG_VISIT_NO,
    TG_VISIT_YES,
} tg_visit;

typedef struct tg_field {
    const char *name;        /* "next", or "base.next" for a base's field */
    const char *target;      /* TYPED: the target type's name; else the header ("PyObject") */
    int target_type;         /* TYPED: index of the target in the graph, or -1 */
    tg_edge_kind kind;
    bool owned;
    const char *why_borrowed; /* when !owned: the convention that excluded it */
    bool by_comment;         /* only a comment says borrowed: what the type's dealloc
                                does overrides it (frontend_typeobj.c) */
    tg_visit visited;
    bool leaf;               /* every store in the unit puts in NULL or an object that
                                refers to nothing (frontend_fieldcontent.c): no cycle
                                passes through it, though it stays owned */
    ir_loc loc;              /* the field's declaration */
    bool on_cycle;           /* set by tg_finish: tg_field_cycle holds */
} tg_field;

typedef struct tg_type {
    const char *name;        /* the first typedef naming the struct, else its tag */
    const char *tag;         /* its tag when that differs from name, else NULL */
    ir_loc loc;              /* the struct's definition */
    bool in_main_file;
    tg_flavor flavor;
    int base;                /* index of the embedded base object struct, or -1 */
    /* What describes it to the collector (NULL / false when none was found). */
    const char *type_object; /* the rf_type / PyTypeObject / PyType_Spec variable */
    ir_loc type_object_loc;
    bool type_object_in_main;
    bool gc;                 /* RF_TPFLAGS_GC / Py_TPFLAGS_HAVE_GC */
    bool inherits;           /* CPython: tp_base set, no traverse/clear/GC flag of its own:
                                PyType_Ready gives it the base's collector support */
    const char *traverse;    /* the traverse function's name */
    ir_loc traverse_loc;
    bool traverse_body;      /* its body is in this unit: field coverage known */
    /* Set by tg_finish. */
    bool traced;
    const char *why_untraced; /* NULL when traced */
    bool on_cycle;           /* some owned field is on a cycle through it */
    tg_field *fields;
    int nfields, fieldcap;
} tg_type;

typedef struct typegraph {
    arena mem;
    tg_type *types;
    int n, cap;
} typegraph;

void tg_init(typegraph *g);
void tg_free(typegraph *g);
/* Adds a type (name copied) and returns its index; an existing one of the
 * same name is returned instead. */
int tg_add_type(typegraph *g, const char *name, ir_loc loc, tg_flavor flavor);
/* Adds a field to type t (strings copied); returns its index. */
int tg_add_field(typegraph *g, int t, const tg_field *f);
int tg_find(const typegraph *g, const char *name);
/* The type named name or tagged name (as ir_step.record names it), or -1. */
int tg_find_record(const typegraph *g, const char *name);
/* Does field `field` of struct `record` hold no reference, by an annotation,
 * a naming convention or its type's dealloc, or also by a comment alone
 * when by_comment (a weaker hint: the cycle checks take it, stores do not)?
 * False when either is unknown. */
bool tg_field_borrowed(const typegraph *g, const char *record, const char *field,
                       bool by_comment);
/* Resolves typed targets to indices, decides traced / why_untraced and
 * marks the fields and types on cycles. Call once, after the front end
 * filled the graph. */
void tg_finish(typegraph *g);
/* May the collector be judged for type t in this unit: its type object is
 * in the unit's main file (or, for the rule flavor, the struct is)? */
bool tg_judged_here(const tg_type *t);

const char *tg_flavor_name(tg_flavor f);
const char *tg_edge_kind_name(tg_edge_kind k);

/* A cycle: the fields followed, first the starting one, last the one that
 * re-enters the starting type. */
#define TG_MAX_PATH 16
typedef struct tg_path {
    int n;
    int type[TG_MAX_PATH];   /* the type holding each field */
    int field[TG_MAX_PATH];
} tg_path;

/* Is owned field f of type t on a cycle through t (see the top)? Fills out
 * with the shortest one found. */
bool tg_field_cycle(const typegraph *g, int t, int f, tg_path *out);
/* Writes "node.next -> node.prev -> node" (at most len bytes) into buf. */
const char *tg_path_text(const typegraph *g, const tg_path *p, char *buf, size_t len);

#endif
