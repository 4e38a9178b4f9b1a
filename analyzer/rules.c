/* rules.c: the rule set's storage: name lists with hash indexes, adding and
 * replacing fn rules, lookups and iteration (see rules.h, rules_internal.h).
 * Assumes single-threaded use of one set; a loaded set is read-only and may
 * then be shared between threads. */
#include "rules_internal.h"

#include <string.h>

static unsigned hash_name(const char *s) {
    unsigned h = 2166136261u; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

/* Slot index where name lives, or the empty slot where it would go. */
static int probe(const name_list *l, const char *name) {
    unsigned mask = (unsigned)l->nslots - 1;
    unsigned i = hash_name(name) & mask;
    while (l->slots[i] && strcmp(l->names[l->slots[i] - 1], name) != 0)
        i = (i + 1) & mask;
    return (int)i;
}

int rules_list_find(const name_list *l, const char *name) {
    if (l->nslots == 0)
        return -1;
    return l->slots[probe(l, name)] - 1;
}

static void rehash(rule_set *rs, name_list *l) {
    l->nslots = l->nslots ? l->nslots * 2 : 64;
    l->slots = ARENA_ARRAY(&rs->mem, int, l->nslots);
    for (int i = 0; i < l->count; i++)
        l->slots[probe(l, l->names[i])] = i + 1;
}

static void grow_names(rule_set *rs, name_list *l) {
    int cap = l->cap ? l->cap * 2 : 32;
    const char **names = ARENA_ARRAY(&rs->mem, const char *, cap);
    if (l->count)
        memcpy(names, l->names, sizeof *names * (size_t)l->count);
    l->names = names;
    l->cap = cap;
}

int rules_list_add(rule_set *rs, name_list *l, const char *name) {
    int at = rules_list_find(l, name);
    if (at >= 0)
        return at;
    if (l->count == l->cap)
        grow_names(rs, l);
    if (2 * (l->count + 1) >= l->nslots)
        rehash(rs, l);
    l->names[l->count] = arena_strdup(&rs->mem, name);
    l->slots[probe(l, name)] = l->count + 1;
    return l->count++;
}

rule_set *rules_new(void) {
    arena a;
    arena_init(&a);
    rule_set *rs = ARENA_NEW(&a, rule_set);
    rs->mem = a; /* the set lives in its own arena */
    return rs;
}

void rules_free(rule_set *rs) {
    if (!rs)
        return;
    arena a = rs->mem;
    arena_free(&a);
}

static void grow_fns(rule_set *rs) {
    int cap = rs->fns_cap ? rs->fns_cap * 2 : 32;
    rule_fn **fns = ARENA_ARRAY(&rs->mem, rule_fn *, cap);
    if (rs->fn_names.count)
        memcpy(fns, rs->fns, sizeof *fns * (size_t)rs->fn_names.count);
    rs->fns = fns;
    rs->fns_cap = cap;
}

void rules_put_fn(rule_set *rs, rule_fn *r) {
    if (rs->fn_names.count == rs->fns_cap)
        grow_fns(rs);
    int at = rules_list_add(rs, &rs->fn_names, r->name);
    r->name = rs->fn_names.names[at];
    r->trusted = r->trusted || rules_list_find(&rs->trusted, r->name) >= 0;
    rs->fns[at] = r;
}

/* How many of r's from names are not producers yet. */
static int new_producers(const rule_set *rs, const rule_cannot_fail *r) {
    int n = 0;
    for (int i = 0; i < r->nfrom; i++)
        n += rules_list_find(&rs->producers, r->from[i]) < 0;
    return n;
}

/* The bit of after rule r: the one of the rule it replaces, else the next. */
static int after_bit(rule_set *rs, const rule_cannot_fail *r) {
    int at = rules_list_find(&rs->cannot_fail_names, r->name);
    if (at >= 0 && rs->cannot_fail[at].nafter > 0)
        return rs->cannot_fail[at].bit;
    return rs->nafter_bits < RULES_MAX_AFTER ? rs->nafter_bits++ : -1;
}

bool rules_put_cannot_fail(rule_set *rs, const rule_cannot_fail *r) {
    if (rs->producers.count + new_producers(rs, r) > RULES_MAX_PRODUCERS)
        return false;
    int bit = r->nafter > 0 ? after_bit(rs, r) : 0;
    if (bit < 0)
        return false;
    if (rs->cannot_fail_names.count == rs->cannot_fail_cap) {
        int cap = rs->cannot_fail_cap ? rs->cannot_fail_cap * 2 : 8;
        rule_cannot_fail *a = ARENA_ARRAY(&rs->mem, rule_cannot_fail, cap);
        if (rs->cannot_fail_names.count)
            memcpy(a, rs->cannot_fail, sizeof *a * (size_t)rs->cannot_fail_names.count);
        rs->cannot_fail = a;
        rs->cannot_fail_cap = cap;
    }
    int at = rules_list_add(rs, &rs->cannot_fail_names, r->name);
    rule_cannot_fail *d = &rs->cannot_fail[at];
    *d = *r;
    d->name = rs->cannot_fail_names.names[at];
    d->from = r->nfrom ? ARENA_ARRAY(&rs->mem, const char *, r->nfrom) : NULL;
    for (int i = 0; i < r->nfrom; i++) {
        int k = rules_list_add(rs, &rs->producers, r->from[i]); /* may move names */
        d->from[i] = rs->producers.names[k];
    }
    d->bit = bit;
    d->after = r->nafter ? ARENA_ARRAY(&rs->mem, const char *, r->nafter) : NULL;
    d->after_arg = r->nafter ? ARENA_ARRAY(&rs->mem, int, r->nafter) : NULL;
    for (int i = 0; i < r->nafter; i++) {
        d->after[i] = arena_strdup(&rs->mem, r->after[i]);
        d->after_arg[i] = r->after_arg[i];
    }
    return true;
}

void rules_put_trusted(rule_set *rs, const char *name) {
    rules_list_add(rs, &rs->trusted, name);
    int at = rules_list_find(&rs->fn_names, name);
    if (at >= 0)
        rs->fns[at]->trusted = true;
}

const rule_fn *rules_lookup(const rule_set *rs, const char *name) {
    int at = rules_list_find(&rs->fn_names, name);
    return at >= 0 ? rs->fns[at] : NULL;
}

bool rules_is_object_type(const rule_set *rs, const char *type_name) {
    return rules_list_find(&rs->types, type_name) >= 0;
}

bool rules_is_refcount_field(const rule_set *rs, const char *field_name) {
    return rules_list_find(&rs->fields, field_name) >= 0;
}

bool rules_is_trusted(const rule_set *rs, const char *name) {
    return rules_list_find(&rs->trusted, name) >= 0;
}

bool rules_is_error_check(const rule_set *rs, const char *name) {
    return rules_list_find(&rs->error_checks, name) >= 0;
}

bool rules_is_size_setter(const rule_set *rs, const char *name) {
    return rules_list_find(&rs->size_setters, name) >= 0;
}

bool rules_is_error_clear(const rule_set *rs, const char *name) {
    return rules_list_find(&rs->error_clears, name) >= 0;
}

bool rules_is_module_state(const rule_set *rs, const char *name) {
    return rules_list_find(&rs->module_states, name) >= 0;
}

const rule_cannot_fail *rules_cannot_fail(const rule_set *rs, const char *name) {
    int at = rules_list_find(&rs->cannot_fail_names, name);
    return at >= 0 ? &rs->cannot_fail[at] : NULL;
}

int rules_producer(const rule_set *rs, const char *name) {
    return rules_list_find(&rs->producers, name) + 1;
}

bool rules_cannot_fail_from(const rule_set *rs, const rule_cannot_fail *r, int id) {
    if (id <= 0 || id > rs->producers.count)
        return false;
    for (int i = 0; i < r->nfrom; i++)
        if (r->from[i] == rs->producers.names[id - 1]) /* both the set's own copy */
            return true;
    return false;
}

unsigned rules_resolved_by(const rule_set *rs, const char *name, int k) {
    unsigned bits = 0;
    if (rs->nafter_bits == 0)
        return 0;
    for (int i = 0; i < rs->cannot_fail_names.count; i++) {
        const rule_cannot_fail *r = &rs->cannot_fail[i];
        for (int j = 0; j < r->nafter; j++)
            if (r->after_arg[j] == k && strcmp(r->after[j], name) == 0)
                bits |= 1u << r->bit;
    }
    return bits;
}

int rules_count(const rule_set *rs) {
    return rs->fn_names.count;
}

const rule_fn *rules_at(const rule_set *rs, int i) {
    return i >= 0 && i < rs->fn_names.count ? rs->fns[i] : NULL;
}

const rule_fn *rules_add_copy(rule_set *rs, const rule_fn *r, const char *file) {
    rule_fn *c = ARENA_NEW(&rs->mem, rule_fn);
    *c = *r;
    c->name = arena_strdup(&rs->mem, r->name);
    c->params = ARENA_ARRAY(&rs->mem, rule_param, r->nparams > 0 ? r->nparams : 1);
    if (r->nparams > 0)
        memcpy(c->params, r->params, sizeof *c->params * (size_t)r->nparams);
    c->file = arena_strdup(&rs->mem, file);
    c->line = 0;
    c->source = arena_strdup(&rs->mem, r->source);
    c->trusted = false;
    rules_put_fn(rs, c);
    return c;
}

bool rules_same(const rule_fn *a, const rule_fn *b) {
    if (!a || !b)
        return a == b;
    if (a->ret != b->ret || a->ret_arg != b->ret_arg || a->nparams != b->nparams ||
        a->varargs != b->varargs || a->stores != b->stores ||
        a->stores_on_success != b->stores_on_success ||
        a->format_index != b->format_index)
        return false;
    for (int i = 0; i < a->nparams; i++)
        if (a->params[i].effect != b->params[i].effect ||
            a->params[i].nullable != b->params[i].nullable)
            return false;
    return true;
}
