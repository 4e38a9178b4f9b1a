/* engine_place.c: places (variables, temporaries, field paths) as dense
 * indices, the values read from them, and the store/kill transitions.
 * An array slot is one place when the front end names its index (a
 * constant, a local variable, a variable plus a constant: a "keyed" slot);
 * a slot read through a temporary copy of the array pointer is keyed by
 * where the copy came from. Keyed slots are forgotten when their index
 * variable or root changes, when another slot is stored to, and when the
 * container is given to a call. Other slots bind nothing: each read is a
 * fresh value. Stores into fields that hold no reference (the type graph's
 * borrowed fields, fields not declared as object pointers) hand nothing
 * over. Assumes the IR invariants of ir.h: a place has at most one heap
 * step. */
#include <stdlib.h>
#include <string.h>

#include "engine_internal.h"
#include "typegraph.h"

static const char *step_text(const ir_step *st) {
    switch (st->kind) {
    case IR_STEP_FIELD: return ".";
    case IR_STEP_ARROW: return "->";
    case IR_STEP_DEREF: return "*";
    default: return "[]";
    }
}

/* A heap slot holding an object pointer whose every index the front end
 * named ("#3", "$5"): at most one of them a variable, returned in
 * *index_var (else -1). Byte and integer arrays stay unkeyed: their values
 * would only multiply the states. */
static bool keyed_slot(const ir_place *p, int *index_var) {
    bool indexed = false;
    *index_var = -1;
    for (int i = 0; i < p->nsteps; i++) {
        const ir_step *st = &p->steps[i];
        if (st->kind != IR_STEP_INDEX)
            continue;
        indexed = true;
        if (!st->field)
            return false;
        if (st->field[0] == '$') {
            if (*index_var >= 0)
                return false;
            *index_var = atoi(st->field + 1);
        }
    }
    return indexed && p->is_heap && p->type == IR_VT_REF; /* object slots, not bytes */
}

/* keyed_slot, for this function: the index variable exists and its
 * address is never taken (it could change through a pointer). */
static bool keyed_place(const fn_ctx *c, const ir_place *p, int *index_var) {
    if (!keyed_slot(p, index_var))
        return false;
    if (*index_var < 0)
        return true;
    if (*index_var < c->fn->nvars && !(c->index_addr_taken && c->index_addr_taken[*index_var]))
        return true;
    *index_var = -1;
    return false;
}

/* The place a keyed slot's root temporary was read from, or NULL: the
 * front end reads a->ob_item into a new temporary for each a->ob_item[i],
 * and both accesses must name one slot. */
static const ir_place *slot_root(const fn_ctx *c, const ir_place *p, bool keyed) {
    if (!keyed || p->kind != IR_PLACE_VAR || !c->temp_src || p->var < 0 || p->var >= c->fn->nvars)
        return NULL;
    return c->temp_src[p->var];
}

/* A place's key; depth > 0 when p is the place a keyed slot's root
 * temporary was read from, itself perhaps read through a temporary
 * (`tmp.2 = self->extra; tmp.3 = tmp.2->children; tmp.3[i]`): the chain is
 * followed, so that each statement's copies name one slot. */
static const char *place_key_at(fn_ctx *c, const ir_place *p, int depth) {
    int index_var;
    bool keyed = keyed_place(c, p, &index_var);
    const ir_place *root = slot_root(c, p, keyed || (depth > 0 && depth < 8));
    char buf[512];
    int n = root ? snprintf(buf, sizeof buf, "%s", place_key_at(c, root, depth + 1))
            : p->kind == IR_PLACE_VAR ? snprintf(buf, sizeof buf, "v%d", p->var)
                                      : snprintf(buf, sizeof buf, "g:%s", p->global ? p->global : "?");
    for (int i = 0; i < p->nsteps && n < (int)sizeof buf - 1; i++) {
        const ir_step *st = &p->steps[i];
        bool tag = st->kind == IR_STEP_INDEX; /* an index only keys a keyed slot */
        n += snprintf(buf + n, sizeof buf - (size_t)n, "%s%s", step_text(st),
                      st->field && (keyed || !tag) ? st->field : "");
    }
    return arena_strdup(&c->mem, buf);
}

static const char *place_key(fn_ctx *c, const ir_place *p) {
    return place_key_at(c, p, 0);
}

static unsigned str_hash(const char *s) {
    unsigned h = 2166136261u;
    while (*s)
        h = (h ^ (unsigned char)*s++) * 16777619u;
    return h;
}

static void rehash(fn_ctx *c) {
    c->hashcap = c->hashcap ? c->hashcap * 2 : 256;
    c->hash = ARENA_ARRAY(&c->mem, int, c->hashcap);
    for (int i = 0; i < c->nplaces; i++) {
        unsigned h = str_hash(c->places[i].key) & (unsigned)(c->hashcap - 1);
        while (c->hash[h])
            h = (h + 1) & (unsigned)(c->hashcap - 1);
        c->hash[h] = i + 1;
    }
}

static bool place_escapes(const fn_ctx *c, const ir_place *p) {
    if (p->kind == IR_PLACE_GLOBAL || p->is_heap)
        return true;
    if (p->kind == IR_PLACE_VAR && p->var >= 0 && p->var < c->fn->nvars && p->nsteps > 0 &&
        c->fn->vars[p->var].is_array)
        return true; /* local array element: not tracked, handed away */
    return false;
}

/* A field that holds no reference of its own: one the type graph lists as
 * borrowed (annotated, commented "borrowed" or "weak": _threadmodule's
 * `PyObject *localdict;` commented "Borrowed reference!"), or one not declared
 * as an object pointer (itertools' `const void *currgrouper`). */
static bool borrowed_link(const fn_ctx *c, const ir_place *p) {
    if (!p->is_heap || p->nsteps == 0)
        return false;
    const ir_step *last = &p->steps[p->nsteps - 1];
    if (last->kind != IR_STEP_ARROW && last->kind != IR_STEP_FIELD)
        return false;
    if (p->type != IR_VT_REF)
        return true;
    return last->kind == IR_STEP_ARROW &&
           tg_field_borrowed(c->tu->opt.types, last->record, last->field, false);
}

static int add_place(fn_ctx *c, const ir_place *p, const char *key) {
    if (c->nplaces == c->placecap) {
        int cap = c->placecap ? c->placecap * 2 : 64;
        place_info *n = ARENA_ARRAY(&c->mem, place_info, cap);
        if (c->nplaces)
            memcpy(n, c->places, sizeof(place_info) * (size_t)c->nplaces);
        c->places = n;
        c->placecap = cap;
    }
    place_info *pi = &c->places[c->nplaces];
    pi->place = *p;
    pi->key = key;
    pi->keyed = keyed_place(c, p, &pi->index_var);
    /* a slot read through a temporary: the variable it came from is the one
     * whose change forgets the slot */
    const ir_place *root = slot_root(c, p, pi->keyed);
    for (int d = 1; root && d < 8; d++) { /* a chain of copies: its first variable */
        const ir_place *up = slot_root(c, root, true);
        if (!up)
            break;
        root = up;
    }
    const ir_place *r = root ? root : p;
    pi->root_var = r->kind == IR_PLACE_VAR ? r->var : -1;
    pi->escapes = place_escapes(c, p);
    pi->borrowed_link = pi->escapes && borrowed_link(c, p);
    pi->heap = pi->escapes;
    pi->has_steps = p->nsteps > 0;
    for (int i = 0; i < p->nsteps; i++)
        pi->indexed |= p->steps[i].kind == IR_STEP_INDEX;
    pi->local_array = p->kind == IR_PLACE_VAR && !p->is_heap && p->nsteps > 0 && p->var >= 0 &&
                      p->var < c->fn->nvars && c->fn->vars[p->var].is_array;
    c->nplaces++;
    if (c->nplaces * 2 > c->hashcap)
        rehash(c);
    else {
        unsigned h = str_hash(key) & (unsigned)(c->hashcap - 1);
        while (c->hash[h])
            h = (h + 1) & (unsigned)(c->hashcap - 1);
        c->hash[h] = c->nplaces;
    }
    return c->nplaces - 1;
}

int place_index(fn_ctx *c, const ir_place *p) {
    if (p->kind == IR_PLACE_NONE)
        return -1;
    if (p->kind == IR_PLACE_VAR && p->nsteps == 0 && p->var >= 0 && p->var < c->fn->nvars)
        return p->var; /* variables are the first places */
    const char *key = place_key(c, p);
    unsigned h = str_hash(key) & (unsigned)(c->hashcap - 1);
    while (c->hash[h]) {
        if (strcmp(c->places[c->hash[h] - 1].key, key) == 0)
            return c->hash[h] - 1;
        h = (h + 1) & (unsigned)(c->hashcap - 1);
    }
    return add_place(c, p, key);
}

/* Only '.' steps from a global: a fixed address. */
static bool static_address(const ir_place *p) {
    if (p->kind != IR_PLACE_GLOBAL)
        return false;
    for (int i = 0; i < p->nsteps; i++)
        if (p->steps[i].kind != IR_STEP_FIELD)
            return false;
    return true;
}

/* The address of a global object (&_Py_NoneStruct, or an object embedded
 * in a global struct: &_PyRuntime.global_objects.singletons.tuple_empty,
 * CPython's _Py_SINGLETON) is one value per function: it gets a place of
 * its own, keyed "&" + the global's key, so an incref of Py_None and a
 * later return of Py_None meet. */
static int addr_place_index(fn_ctx *c, const ir_operand *o) {
    if (!static_address(&o->place))
        return -1;
    const char *key = arena_printf(&c->mem, "&%s", place_key(c, &o->place));
    unsigned h = str_hash(key) & (unsigned)(c->hashcap - 1);
    while (c->hash[h]) {
        if (strcmp(c->places[c->hash[h] - 1].key, key) == 0)
            return c->hash[h] - 1;
        h = (h + 1) & (unsigned)(c->hashcap - 1);
    }
    ir_place p = o->place;
    p.type = o->type;
    int i = add_place(c, &p, key);
    c->places[i].escapes = c->places[i].heap = false;
    return i;
}

static void intern_operand(fn_ctx *c, const ir_operand *o) {
    if (o->kind == IR_OP_PLACE || o->kind == IR_OP_ADDR)
        place_index(c, &o->place);
    if (o->kind == IR_OP_ADDR)
        addr_place_index(c, o);
}

static void intern_block(fn_ctx *c, const ir_block *b) {
    for (int i = 0; i < b->ninstrs; i++) {
        const ir_instr *in = &b->instrs[i];
        place_index(c, &in->dst);
        intern_operand(c, &in->src);
        for (int a = 0; a < in->nargs; a++)
            intern_operand(c, &in->args[a]);
    }
    intern_operand(c, &b->term.cond.opnd);
    intern_operand(c, &b->term.cond.rhs);
    intern_operand(c, &b->term.value);
}

/* The variable a keyed slot also depends on: its index (p->items[i]). */
static int index_dependency(const place_info *pi) {
    return pi->keyed && pi->index_var != pi->root_var ? pi->index_var : -1;
}

static void build_dependents(fn_ctx *c) {
    int nv = c->fn->nvars;
    int count[nv > 0 ? nv : 1];
    memset(count, 0, sizeof count);
    for (int i = nv; i < c->nplaces; i++) {
        if (c->places[i].root_var >= 0)
            count[c->places[i].root_var]++;
        if (index_dependency(&c->places[i]) >= 0)
            count[index_dependency(&c->places[i])]++;
    }
    c->dependents = ARENA_ARRAY(&c->mem, int *, nv > 0 ? nv : 1);
    for (int v = 0; v < nv; v++) {
        c->dependents[v] = ARENA_ARRAY(&c->mem, int, count[v] + 1);
        c->dependents[v][count[v]] = -1;
        count[v] = 0;
    }
    int nkeyed = 0;
    for (int i = nv; i < c->nplaces; i++) {
        int v = c->places[i].root_var, k = index_dependency(&c->places[i]);
        if (v >= 0)
            c->dependents[v][count[v]++] = i;
        if (k >= 0)
            c->dependents[k][count[k]++] = i;
        nkeyed += c->places[i].keyed;
    }
    c->keyed_places = ARENA_ARRAY(&c->mem, int, nkeyed + 1);
    nkeyed = 0;
    for (int i = nv; i < c->nplaces; i++)
        if (c->places[i].keyed)
            c->keyed_places[nkeyed++] = i;
    c->keyed_places[nkeyed] = -1;
}

/* A place no code can name ('%' is not in C identifiers), outside the
 * heap: it holds the pending NULL of engine_call.c's deferred stores. */
static int pseudo_place(fn_ctx *c, const char *key) {
    ir_place p = {.kind = IR_PLACE_GLOBAL, .global = key, .type = IR_VT_REF};
    int i = add_place(c, &p, key);
    c->places[i].escapes = c->places[i].heap = false;
    return i;
}

/* Variables whose address is taken anywhere (`&i`): an index that may
 * change through a pointer keys no slot. */
static void find_address_taken(fn_ctx *c) {
    int nv = c->fn->nvars;
    c->index_addr_taken = ARENA_ARRAY(&c->mem, bool, nv > 0 ? nv : 1);
    for (int b = 0; b < c->fn->nblocks; b++)
        for (int i = 0; i < c->fn->blocks[b].ninstrs; i++) {
            const ir_instr *in = &c->fn->blocks[b].instrs[i];
            for (int a = -1; a < in->nargs; a++) {
                const ir_operand *o = a < 0 ? &in->src : &in->args[a];
                if (o->kind == IR_OP_ADDR && o->place.kind == IR_PLACE_VAR && o->place.var >= 0 &&
                    o->place.var < nv)
                    c->index_addr_taken[o->place.var] = true;
            }
        }
}

/* Temporaries assigned exactly once, from a place with no index steps. */
static void find_temp_sources(fn_ctx *c) {
    int nv = c->fn->nvars;
    c->temp_src = ARENA_ARRAY(&c->mem, const ir_place *, nv > 0 ? nv : 1);
    int *defs = ARENA_ARRAY(&c->mem, int, nv > 0 ? nv : 1);
    for (int b = 0; b < c->fn->nblocks; b++)
        for (int i = 0; i < c->fn->blocks[b].ninstrs; i++) {
            const ir_instr *in = &c->fn->blocks[b].instrs[i];
            const ir_place *d = &in->dst;
            if (d->kind != IR_PLACE_VAR || d->nsteps != 0 || d->var < 0 || d->var >= nv)
                continue;
            defs[d->var]++;
            bool plain = in->kind == IR_ASSIGN && in->src.kind == IR_OP_PLACE &&
                         in->src.place.kind == IR_PLACE_VAR && in->src.place.nsteps > 0 &&
                         in->src.place.var != d->var;
            for (int k = 0; plain && k < in->src.place.nsteps; k++)
                plain = in->src.place.steps[k].kind != IR_STEP_INDEX;
            c->temp_src[d->var] = plain && c->fn->vars[d->var].is_temp ? &in->src.place : NULL;
        }
    for (int v = 0; v < nv; v++)
        if (defs[v] != 1)
            c->temp_src[v] = NULL;
}

void places_build(fn_ctx *c) {
    find_temp_sources(c);
    find_address_taken(c);
    c->hashcap = 0;
    rehash(c);
    for (int v = 0; v < c->fn->nvars; v++) {
        ir_place p = ir_place_var(c->fn, v);
        add_place(c, &p, place_key(c, &p));
    }
    for (int b = 0; b < c->fn->nblocks; b++)
        intern_block(c, &c->fn->blocks[b]);
    c->pending_null = pseudo_place(c, "%pending-null");
    build_dependents(c);
}

sym sym_proto(sym_kind k, sym_origin o, sym_null n) {
    sym y;
    memset(&y, 0, sizeof y);
    y.kind = (uint8_t)k;
    y.origin = (uint8_t)o;
    y.null = (uint8_t)n;
    y.lo = SYM_INT_MIN;
    y.hi = SYM_INT_MAX;
    y.param = -1;
    return y;
}

int new_sym(fn_ctx *c, sstate *s, const sym *proto) {
    return sstate_add_sym(&c->mem, s, proto, &c->next_uid);
}

static sym_kind kind_of(ir_vtype t) {
    return t == IR_VT_REF ? SK_REF : t == IR_VT_INT ? SK_INT : SK_PTR;
}

/* The value of a place nothing has been stored into on this path. */
static sym default_for_place(fn_ctx *c, const place_info *pi) {
    sym_kind k = kind_of(pi->place.type);
    sym y = sym_proto(k, OR_UNKNOWN, NN_UNKNOWN);
    if (k == SK_REF && pi->escapes)
        y.origin = pi->has_steps ? OR_FIELD : OR_GLOBAL_VAR;
    if (pi->root_var < 0 && !pi->has_steps && pi->place.global)
        y.name = pi->place.global;
    else
        y.name = ir_place_name(c->fn, &pi->place);
    return y;
}

/* The variable whose object a slot is read through: the place's root, or
 * where the temporary it is rooted at was copied from (`tmp = self->items;
 * tmp[i]` is read through self). */
static int container_var(const fn_ctx *c, const place_info *pi) {
    int v = pi->root_var;
    const ir_place *src = v >= 0 && c->temp_src ? c->temp_src[v] : NULL;
    return src && src->kind == IR_PLACE_VAR ? src->var : v;
}

/* A call given object v may change its slots (PyList_SetItem,
 * PyList_Insert, _PyTuple_Resize): the keyed slots read through v are read
 * again after it. */
void forget_slots_of(const fn_ctx *c, sstate *s, int v) {
    for (const int *q = c->keyed_places; *q >= 0; q++) {
        int root = container_var(c, &c->places[*q]);
        if (root >= 0 && s->bind[root] == v)
            s->bind[*q] = -1;
    }
}

static int eval_place(fn_ctx *c, sstate *s, const ir_operand *o) {
    int p = place_index(c, &o->place);
    if (p < 0)
        return new_sym(c, s, &(sym){.kind = SK_PTR, .origin = OR_UNKNOWN});
    if (s->bind[p] >= 0)
        return s->bind[p];
    sym y = default_for_place(c, &c->places[p]);
    y.origin_loc = o->loc;
    if (c->places[p].indexed && c->places[p].heap) {
        y.flags |= s->counted ? SF_FROM_SLOT : SF_SLOT_READ;
        int root = container_var(c, &c->places[p]);
        y.slot_of = root >= 0 && s->bind[root] >= 0 ? s->bind[root] + 1 : 0;
    }
    int v = new_sym(c, s, &y);
    if (!c->places[p].indexed || c->places[p].keyed) /* a[i] and a[j] may differ: each
                                                         unkeyed read is its own value */
        s->bind[p] = v;
    return v;
}

int eval_operand(fn_ctx *c, sstate *s, const ir_operand *o) {
    sym y;
    switch (o->kind) {
    case IR_OP_PLACE:
        return eval_place(c, s, o);
    case IR_OP_ADDR: {
        int p = addr_place_index(c, o);
        if (p >= 0 && s->bind[p] >= 0)
            return s->bind[p];
        y = sym_proto(kind_of(o->type), OR_GLOBAL, NN_NONNULL);
        y.name = ir_place_name(c->fn, &o->place);
        y.origin_loc = o->loc;
        int v = new_sym(c, s, &y);
        if (p >= 0)
            s->bind[p] = v;
        return v;
    }
    case IR_OP_NULL:
        y = sym_proto(o->type == IR_VT_INT ? SK_INT : SK_REF, OR_NULLCONST, NN_NULL);
        y.lo = y.hi = 0;
        break;
    case IR_OP_INT:
        y = sym_proto(o->type == IR_VT_REF && o->ival == 0 ? SK_REF : SK_INT, OR_NULLCONST,
                      o->ival == 0 ? NN_NULL : NN_NONNULL);
        y.lo = y.hi = o->ival;
        break;
    case IR_OP_STRING:
        y = sym_proto(SK_PTR, OR_UNKNOWN, NN_NONNULL);
        break;
    default:
        y = sym_proto(kind_of(o->type), OR_UNKNOWN, NN_UNKNOWN);
        break;
    }
    y.origin_loc = o->loc;
    return new_sym(c, s, &y);
}

/* Is symbol v held by a heap place other than place except (-1: any)? */
static bool held_by_heap_except(const fn_ctx *c, const sstate *s, int v, int except) {
    /* a keyed slot bound by a read only mirrors the array: what the
     * function owns on the value it read is not the slot's (_pickle.c
     * load_dup's `last = data[len - 1]; Py_INCREF(last);` then a failed push) */
    bool stored = s->syms[v].flags & (SF_ESCAPED | SF_STORED_UNOWNED);
    for (int p = c->fn->nvars; p < c->nplaces; p++)
        if (p != except && s->bind[p] == v && c->places[p].escapes &&
            (stored || !c->places[p].keyed))
            return true;
    return false;
}

bool held_by_heap(const fn_ctx *c, const sstate *s, int v) {
    return held_by_heap_except(c, s, v, -1);
}

/* The symbol that stands for global object g at a release or a return: a
 * live one found equal to it on this path (symstate.h same_as), which holds
 * what the global's name does not: the function's own reference
 * (`if (unicode == latin1_char) return latin1_char;` returns unicode) or a
 * slot's (`if (item == Py_None) Py_DECREF(Py_None);` releases the item).
 * Otherwise g itself. */
int stand_in_for_global(const sstate *s, int g) {
    const sym *y = &s->syms[g];
    if (y->kind != SK_REF || y->origin != OR_GLOBAL || y->owned > 0)
        return g;
    for (int v = 0; v < s->nsyms; v++) {
        const sym *x = &s->syms[v];
        if (x->same_as == g + 1 && !(x->flags & (SF_RELEASED | SF_STOLEN)) &&
            sstate_is_bound(s, v))
            return v;
    }
    return g;
}

static void report_lost(fn_ctx *c, sstate *s, int old, ir_loc loc, lost_reason why) {
    if (old < 0 || sstate_is_bound(s, old))
        return;
    settle_debt(c, s, old);
    check_event ev = {.kind = EV_LOST, .loc = loc, .sym = &s->syms[old], .state = s, .lost = why};
    emit(c, &ev);
    s->syms[old].owned = 0; /* reported once: the loss is now a fact of this path */
}

static void forget_dependents(fn_ctx *c, sstate *s, int p, ir_loc loc) {
    if (p >= c->fn->nvars)
        return;
    for (int *d = c->dependents[p]; *d >= 0; d++) {
        int old = s->bind[*d];
        s->bind[*d] = -1;
        if (!c->places[*d].escapes)
            report_lost(c, s, old, loc, LOST_OVERWRITE);
    }
}

/* An element of a local array is not tracked: the reference is handed
 * over to the array, and may be released through a variable that still
 * holds it (`PyObject *stack[2] = {self, ival}; ...vectorcall...;
 * Py_DECREF(ival)`, as well as `out[i++] = arg; arg = ...` whose elements
 * a loop releases later). */
static void escape_into(fn_ctx *c, sstate *s, int v, ir_loc loc, bool local_array) {
    sym *y = &s->syms[v];
    if (y->kind != SK_REF || y->owned <= 0)
        return;
    report_site(c, ENGINE_SITE_STORE, loc, y, NULL, -1);
    y->owned--;
    y->flags |= SF_ESCAPED;
    if (local_array)
        y->flags |= SF_IN_ARRAY;
    y->release_loc = loc;
    sstate_note(&c->mem, s, loc, "stored away here (the reference is handed over)", y->uid, false);
}

/* A reference stored into the heap without being owned (`self->ctx =
 * sslctx;` before `Py_INCREF(sslctx)`): remembered with where, so that an
 * incref right after it pays for the store (apply_incref). */
static void note_unowned_store(sstate *s, int v, ir_loc loc) {
    sym *y = &s->syms[v];
    if (y->kind != SK_REF || y->owned > 0 || y->null == NN_NULL || y->origin == OR_UNKNOWN ||
        y->origin == OR_NULLCONST || (y->flags & (SF_RELEASED | SF_STOLEN)))
        return;
    y->flags |= SF_STORED_UNOWNED;
    y->owed_loc = loc;
}

/* `*out` for a pointer parameter: the caller's variable, which may hold a
 * borrowed reference (floatobject.c convert_to_double(PyObject **v, ...)
 * reads *v, then overwrites it with Py_NotImplemented). */
static bool is_callers_slot(const fn_ctx *c, const place_info *pi) {
    const ir_place *p = &pi->place;
    return p->kind == IR_PLACE_VAR && p->nsteps == 1 && p->steps[0].kind == IR_STEP_DEREF &&
           p->var >= 0 && p->var < c->fn->nvars && c->fn->vars[p->var].is_param;
}

/* `v = self->x; self->x = NULL;` moves the structure's reference into v:
 * when a heap place is overwritten while a local still holds its old
 * value, the function now owns that reference; also when the reference
 * is one this function stored there earlier (`Py_XSETREF(self->data, new);
 * ...; Py_CLEAR(self->data)`). Not for the caller's variable behind a
 * parameter, unless this function stored it (`*bytes = obj; ...;
 * Py_CLEAR(*bytes)`): what it held before is the caller's business. */
static void move_out_of_heap(fn_ctx *c, sstate *s, int p, int old, int v, ir_loc loc) {
    if (old < 0 || old == v || !sstate_is_bound(s, old))
        return;
    sym *y = &s->syms[old];
    bool stored_here = (y->flags & SF_ESCAPED) && y->owned == 0;
    if (is_callers_slot(c, &c->places[p]) && !stored_here)
        return;
    if (y->kind != SK_REF ||
        (y->origin != OR_FIELD && y->origin != OR_GLOBAL_VAR && !stored_here) ||
        (y->flags & SF_RELEASED) ||
        y->null == NN_NULL || y->owned >= SYM_OWNED_MAX)
        return;
    y->owned++;
    y->flags &= (uint16_t)~SF_ESCAPED;
    sstate_note(&c->mem, s, loc, "the reference is moved out of the structure here", y->uid,
                false);
}

/* Is pi a field of an object this function created and still owns
 * (`obj = PyObject_New(...); obj->start = start`)? */
static bool into_new_object(const fn_ctx *c, const sstate *s, const place_info *pi) {
    if (!pi->has_steps || pi->root_var < 0 || pi->place.kind != IR_PLACE_VAR ||
        pi->place.steps[0].kind != IR_STEP_ARROW)
        return false;
    int b = s->bind[pi->root_var];
    return b >= 0 && s->syms[b].kind == SK_REF && s->syms[b].origin == OR_NEW &&
           s->syms[b].owned > 0;
}

/* A heap store that may change slots without naming them: through a
 * pointer (`*(a->ob_item + i) = v`), or of an array pointer itself
 * (`a->ob_item = items`). */
static bool may_move_slots(const place_info *pi) {
    if (!pi->escapes || pi->place.type == IR_VT_INT)
        return false;
    if (pi->place.type != IR_VT_REF)
        return true;
    for (int i = 0; i < pi->place.nsteps; i++)
        if (pi->place.steps[i].kind == IR_STEP_DEREF)
            return true;
    return false;
}

/* A store to a slot may change any other slot (a[i] and a[j] may be one). */
static void forget_other_slots(const fn_ctx *c, sstate *s, int p) {
    for (const int *q = c->keyed_places; *q >= 0; q++)
        if (*q != p)
            s->bind[*q] = -1;
}

static bool scratch_field(fn_ctx *c, const sstate *s, int p);

void store_place(fn_ctx *c, sstate *s, int p, int v, ir_loc loc, lost_reason why) {
    if (p < 0)
        return;
    const place_info *pi = &c->places[p];
    bool hands_over = pi->escapes && !pi->borrowed_link;
    if (hands_over && c->probing && !pi->local_array) /* a local array is no taker */
        infer_note_store(c, &s->syms[v], into_new_object(c, s, pi));
    if (hands_over && s->bind[p] >= 0 && s->syms[v].kind == SK_REF && scratch_field(c, s, p))
        s->syms[v].flags |= SF_REPLACES_READ;
    if (hands_over) {
        link_field_store(c, s, p, v, loc);
        if (!pi->local_array)
            note_unowned_store(s, v, loc);
        escape_into(c, s, v, loc, pi->local_array);
    }
    if (pi->indexed || may_move_slots(pi))
        forget_other_slots(c, s, p);
    if (pi->indexed && !pi->keyed)
        return;
    int old = s->bind[p];
    s->bind[p] = v;
    if (hands_over)
        move_out_of_heap(c, s, p, old, v, loc);
    if (!pi->has_steps && pi->root_var >= 0 && !c->fn->vars[pi->root_var].is_temp)
        s->syms[v].name = c->fn->vars[pi->root_var].name;
    forget_dependents(c, s, p, loc);
    if (old != v && !pi->escapes)
        report_lost(c, s, old, loc, why);
}

/* Place p: a field of a plain struct (one that is no object: no dealloc
 * will release it) reached through a parameter (a callback's context, a
 * constructor's description: not a module's state, whose fields are its
 * own). */
static bool scratch_field(fn_ctx *c, const sstate *s, int p) {
    if (p < 0)
        return false;
    const ir_place *pl = &c->places[p].place;
    if (!pl->is_heap || pl->nsteps == 0)
        return false;
    const ir_step *last = &pl->steps[pl->nsteps - 1];
    const typegraph *g = c->tu->opt.types;
    if (last->kind != IR_STEP_ARROW || !last->record || !g || tg_find_record(g, last->record) >= 0)
        return false;
    int root = c->places[p].root_var;
    return root >= 0 && s->bind[root] >= 0 && s->syms[s->bind[root]].origin == OR_PARAM;
}

/* A scratch field holding v, or -1. Only for a v that replaced a value of
 * the field the function had read (SF_REPLACES_READ): a field filled for
 * the caller (`out->value = v; Py_DECREF(v);` leaves the caller a dangling
 * pointer) stays the caller's. Any other heap place holding v must have
 * been given its own reference: an unowned store of v (a borrowed link the
 * release would leave dangling) rules the take-back out. */
static int scratch_holder(fn_ctx *c, const sstate *s, int v) {
    if ((s->syms[v].flags & SF_STORED_UNOWNED) || !(s->syms[v].flags & SF_REPLACES_READ))
        return -1;
    for (int p = c->fn->nvars; p < c->nplaces; p++)
        if (s->bind[p] == v && c->places[p].escapes && scratch_field(c, s, p))
            return p;
    return -1;
}

/* A reference this function stored into a scratch field (scratch_field)
 * is taken back by a release through the field, if no other heap place
 * holds it (_lsprof.c statsForEntry's `collect->sublist = PyList_New(0);
 * ...; Py_DECREF(collect->sublist)`), or through a local still holding it
 * (scratch_holder: _PyCode_New's `con->linetable = replacement_locations;
 * ...; Py_XDECREF(replacement_locations)`). */
void take_back_from_scratch(fn_ctx *c, sstate *s, const ir_operand *o) {
    if (o->kind != IR_OP_PLACE)
        return;
    int p, v;
    if (o->place.is_heap) {
        p = place_index(c, &o->place);
        v = p >= 0 ? s->bind[p] : -1;
        if (v < 0 || held_by_heap_except(c, s, v, p))
            return;
    } else if (o->place.kind == IR_PLACE_VAR && o->place.nsteps == 0) {
        v = s->bind[o->place.var];
        p = v >= 0 ? scratch_holder(c, s, v) : -1;
    } else {
        return;
    }
    if (v < 0 || !scratch_field(c, s, p))
        return;
    sym *y = &s->syms[v];
    if (y->kind != SK_REF || !(y->flags & SF_ESCAPED) || y->owned != 0 ||
        (y->flags & (SF_RELEASED | SF_STOLEN)))
        return;
    y->owned = 1;
    y->flags &= (uint16_t)~SF_ESCAPED;
}

/* The tag an index operand keys a slot by ("#3", "$5"), as the front end
 * names it; NULL when it names none. */
static const char *operand_tag(fn_ctx *c, const ir_operand *o) {
    if (o->kind == IR_OP_INT)
        return arena_printf(&c->mem, "#%lld", o->ival);
    if (o->kind == IR_OP_PLACE && o->place.kind == IR_PLACE_VAR && o->place.nsteps == 0)
        return arena_printf(&c->mem, "$%d", o->place.var);
    return NULL;
}

/* A slot-setting call (PyList_SET_ITEM(list, 0, item): a container, an
 * integer index, a stolen value) overwrites the keyed slot it names: the
 * value a local still holds from it moves out to this function (heappop's
 * `returnitem = PyList_GET_ITEM(heap, 0); PyList_SET_ITEM(heap, 0,
 * lastelt);`). Run before the call forgets the container's slots. */
void overwrite_slot(fn_ctx *c, sstate *s, const ir_operand *index, int container, int v,
                    ir_loc loc) {
    const char *tag = operand_tag(c, index);
    for (const int *q = c->keyed_places; tag && *q >= 0; q++) {
        const place_info *pi = &c->places[*q];
        int root = container_var(c, pi);
        const ir_step *last = &pi->place.steps[pi->place.nsteps - 1];
        if (root < 0 || s->bind[root] != container || last->kind != IR_STEP_INDEX ||
            !last->field || strcmp(last->field, tag) != 0)
            continue;
        move_out_of_heap(c, s, *q, s->bind[*q], v, loc);
        s->bind[*q] = v;
    }
}

void kill_place(fn_ctx *c, sstate *s, int p, ir_loc loc, lost_reason why) {
    if (p < 0)
        return;
    int old = s->bind[p];
    s->bind[p] = -1;
    forget_dependents(c, s, p, loc);
    report_lost(c, s, old, loc, why);
}

void forget_heap(fn_ctx *c, sstate *s) {
    for (int p = c->fn->nvars; p < c->nplaces; p++)
        if (c->places[p].heap)
            s->bind[p] = -1;
}
