/* check_cycle_created.c: `cycle-created` — code that makes an object hold
 * an owned reference to another that already reaches it (engine_cycle.c
 * finds the cycle and sends EV_LINK). Reported at the storing statement,
 * with a note per earlier link of the cycle. Severity from the type graph:
 * "warning" when a struct on the cycle is a type the collector does not
 * trace (the objects are never freed), "note" otherwise (containers, traced
 * types, types the unit cannot judge: the collector, or nobody we can see,
 * must reclaim them).
 */
#include <stdio.h>
#include <string.h>

#include "checks.h"
#include "finding.h"
#include "typegraph.h"

#define MAX_NOTES 16

/* The first untraced object type among the cycle's holders, or NULL. */
static const tg_type *untraced_type(const check_ctx *ctx, const check_event *ev) {
    const typegraph *g = ctx->types;
    for (int i = -1; g && i < ev->ncycle; i++) {
        const char *rec = i < 0 ? ev->record : ev->cycle[i].record;
        int t = rec ? tg_find_record(g, rec) : -1;
        if (t < 0)
            continue;
        const tg_type *ty = &g->types[t];
        if (!ty->traced && (ty->type_object || ty->flavor == TG_FLAVOR_RULE))
            return ty;
    }
    return NULL;
}

static void describe(const check_event *ev, char *buf, size_t len) {
    size_t k = 0;
    buf[0] = '\0';
    for (int i = 0; i < ev->ncycle && i < 3 && k < len; i++)
        k += (size_t)snprintf(buf + k, len - k, "; %s", ev->cycle[i].text);
    if (ev->ncycle > 3 && k < len)
        snprintf(buf + k, len - k, "; ...");
}

void check_cycle_created_event(check_ctx *ctx, const check_event *ev) {
    if (ev->kind != EV_LINK || (ctx->enabled && !check_set_has(ctx->enabled, "cycle-created")))
        return;
    char name[128], message[2048], links[400], tail[300]; /* message: room for all parts */
    check_sym_name(ev->sym, name, sizeof name);
    describe(ev, links, sizeof links);
    const tg_type *bad = untraced_type(ctx, ev);
    if (bad)
        snprintf(tail, sizeof tail, ": type '%s' is not traced by the collector (%s), so the "
                 "cycle is never freed", bad->name, bad->why_untraced);
    else
        snprintf(tail, sizeof tail, ": only the tracing collector can free it");
    if (ev->ncycle == 0)
        snprintf(message, sizeof message, "storing '%s' in %s makes it hold itself, a reference "
                 "cycle%s", name, ev->via, tail);
    else
        snprintf(message, sizeof message, "storing '%s' in %s closes a reference cycle ('%s' "
                 "already reaches the object that holds it%s)%s", name, ev->via, name, links,
                 tail);
    finding_note notes[MAX_NOTES + 1];
    int n = 0;
    for (int i = 0; i < ev->ncycle && n < MAX_NOTES; i++)
        notes[n++] = (finding_note){ev->cycle[i].loc, (char *)ev->cycle[i].text};
    notes[n++] = (finding_note){ev->loc, "this store closes the cycle"};
    finding f = {.check = checks_find("cycle-created")->id, .loc = ev->loc, .message = message,
                 .function = (char *)ctx->function, .symbol = name, .notes = notes,
                 .nnotes = n};
    strcpy(f.severity, bad ? "warning" : "note");
    finding_list_add(ctx->out, &f);
}
