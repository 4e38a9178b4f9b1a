/* check_cycle_untraced.c: `cycle-untraced` — an object type on a cycle of
 * the owned-reference type graph (typegraph.h) that the tracing collector
 * cannot traverse. Judged once per translation unit from its typegraph, not
 * from path events, and only for the types the unit describes (their type
 * object, or for a rule flavor the struct, is in the main file).
 *
 * Two verdicts:
 *  - the type is untraced (rf: no traverse; CPython: no Py_TPFLAGS_HAVE_GC or
 *    no tp_traverse; rule flavor: no collector at all) and one of its owned
 *    fields is on a cycle through it: reported at the struct's definition
 *    (or at its type object when the struct is in a header), with a note per
 *    cycle field;
 *  - the type is traced, its traverse body is in the unit, and it does not
 *    visit an owned field that is on a cycle: reported at that field (or at
 *    the traverse function when the field is declared in a header).
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "checks.h"
#include "finding.h"
#include "typegraph.h"

#define MAX_NOTES 16

typedef struct report {
    finding f;
    finding_note notes[MAX_NOTES];
    char text[MAX_NOTES][320];
    char message[640];
} report;

__attribute__((format(printf, 3, 4))) static void add_note(report *r, ir_loc loc,
                                                          const char *fmt, ...) {
    if (r->f.nnotes >= MAX_NOTES)
        return;
    int i = r->f.nnotes++;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->text[i], sizeof r->text[i], fmt, ap);
    va_end(ap);
    r->notes[i].loc = loc;
    r->notes[i].text = r->text[i];
}

static void start(report *r, const tg_type *t, ir_loc at) {
    memset(&r->f, 0, sizeof r->f);
    r->f.check = checks_find("cycle-untraced")->id;
    r->f.loc = at;
    r->f.message = r->message;
    r->f.symbol = (char *)t->name;
    r->f.notes = r->notes;
    strcpy(r->f.severity, "warning");
}

/* One note per field of the cycle after the first. */
static void cycle_notes(report *r, const typegraph *g, const tg_path *p) {
    for (int i = 1; i < p->n; i++) {
        const tg_type *h = &g->types[p->type[i]];
        const tg_field *fl = &h->fields[p->field[i]];
        add_note(r, fl->loc, "'%s.%s' closes the cycle here", h->name, fl->name);
    }
}

static void untraced(const typegraph *g, int ti, finding_list *out) {
    const tg_type *t = &g->types[ti];
    report r;
    start(&r, t, t->in_main_file ? t->loc : t->type_object_loc);
    char path[256], first[256] = "";
    int n = 0;
    for (int f = 0; f < t->nfields; f++) {
        tg_path p;
        if (!t->fields[f].on_cycle || !tg_field_cycle(g, ti, f, &p))
            continue;
        tg_path_text(g, &p, path, sizeof path);
        add_note(&r, t->fields[f].loc, "owned field '%s' is on the cycle %s", t->fields[f].name,
                 path);
        if (n++ == 0) {
            snprintf(first, sizeof first, "%s", path);
            cycle_notes(&r, g, &p);
        }
    }
    if (!n)
        return;
    if (t->type_object)
        add_note(&r, t->type_object_loc, "'%s' describes it to the collector", t->type_object);
    snprintf(r.message, sizeof r.message,
             "type '%s' can form reference cycles (%s%s) that the collector cannot free: %s",
             t->name, first, n > 1 ? ", ..." : "", t->why_untraced);
    finding_list_add(out, &r.f);
}

static void unvisited(const typegraph *g, int ti, int f, finding_list *out) {
    const tg_type *t = &g->types[ti];
    const tg_field *fl = &t->fields[f];
    tg_path p;
    if (!tg_field_cycle(g, ti, f, &p))
        return;
    report r;
    bool own = t->in_main_file && !strchr(fl->name, '.');
    start(&r, t, own ? fl->loc : t->traverse_loc);
    char path[256];
    tg_path_text(g, &p, path, sizeof path);
    snprintf(r.message, sizeof r.message,
             "traverse '%s' of type '%s' does not visit owned field '%s', which is on the "
             "reference cycle %s: the collector cannot free such cycles",
             t->traverse, t->name, fl->name, path);
    add_note(&r, t->traverse_loc, "'%s' is the traverse of '%s' and never names the field",
             t->traverse, t->name);
    cycle_notes(&r, g, &p);
    finding_list_add(out, &r.f);
}

void check_cycle_untraced(const typegraph *g, const check_set *enabled, finding_list *out) {
    if (enabled && !check_set_has(enabled, "cycle-untraced"))
        return;
    for (int i = 0; i < g->n; i++) {
        const tg_type *t = &g->types[i];
        if (!tg_judged_here(t) || !t->on_cycle)
            continue;
        if (!t->traced) {
            untraced(g, i, out);
            continue;
        }
        for (int f = 0; t->traverse_body && f < t->nfields; f++)
            if (t->fields[f].on_cycle && t->fields[f].visited == TG_VISIT_NO)
                unvisited(g, i, f, out);
    }
}
