/* rules_internal.h: what the rules_*.c files share and nothing else sees.
 *
 * A rule_set is one arena (every rule, string and table lives in it and is
 * dropped with it) plus ordered name lists: fn rules, object types,
 * refcount fields, trusted names, error checks, size setters, cannot-fail
 * rules and the producer calls they name. Each list keeps insertion order (for
 * rules_format_set) and an open-addressing hash index for lookups. Adding a
 * name that is already present keeps its position; for fn rules the new rule
 * replaces the old one there.
 */
#ifndef REFFLOW_RULES_INTERNAL_H
#define REFFLOW_RULES_INTERNAL_H

#include "arena.h"
#include "rules.h"

#define RULES_MAX_PARAMS 32   /* more ARG tokens than this is an error */

typedef struct name_list {
    const char **names;  /* insertion order; owned by the set's arena */
    int count, cap;
    int *slots;          /* hash index: slot -> position + 1, 0 = empty */
    int nslots;          /* power of two, > 2 * count */
} name_list;

struct rule_set {
    arena mem;
    name_list fn_names;  /* position i names fns[i] */
    rule_fn **fns;
    int fns_cap;
    name_list types;
    name_list fields;
    name_list trusted;
    name_list error_checks;
    name_list size_setters;
    name_list error_clears;
    name_list module_states;
    name_list cannot_fail_names; /* position i names cannot_fail[i] */
    rule_cannot_fail *cannot_fail;
    int cannot_fail_cap;
    name_list producers; /* the calls "cannot-fail ... from" lines name: 1 + position */
    int nafter_bits;     /* bits given to "cannot-fail ... after" rules so far */
};

/* Position of name in l, or -1. */
int rules_list_find(const name_list *l, const char *name);
/* Adds name (copied into rs's arena) unless present; returns its position. */
int rules_list_add(rule_set *rs, name_list *l, const char *name);

/* Adds r (allocated from rs->mem by the caller) or replaces the rule of the
 * same name; sets r->trusted if the name was declared trusted. */
void rules_put_fn(rule_set *rs, rule_fn *r);
/* Adds r (copied, with its from or after list) or replaces the one of the
 * same name; its from names become producers, an after rule gets its bit
 * (a replaced after rule's bit is reused). False, adding nothing, if that
 * would make more than RULES_MAX_PRODUCERS producers or RULES_MAX_AFTER
 * after rules. */
bool rules_put_cannot_fail(rule_set *rs, const rule_cannot_fail *r);
/* Declares name trusted; marks its fn rule if there is one. */
void rules_put_trusted(rule_set *rs, const char *name);

/* Token tables shared by the line parser and the annotation reader. Each
 * returns false on an unknown token. */
bool rules_ret_from_token(const char *tok, rule_ret *out);
/* "store" / "store-on-success" (and with "?") give a borrow and set *store to
 * RULES_STORE / RULES_STORE_ON_SUCCESS (rule_fn.stores, stores_on_success);
 * else *store is 0. */
enum { RULES_STORE = 1, RULES_STORE_ON_SUCCESS = 2 };
bool rules_param_from_token(const char *tok, rule_param *out, bool *is_fmt, int *store);
/* Sets the bits of argument k (0-based) for a store kind of rules_param_from_token. */
void rules_note_store(rule_fn *r, int k, int store);
bool rules_varargs_from_token(const char *tok, rule_varargs *out);

#endif
