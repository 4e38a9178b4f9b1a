/* check_report.c: turning a check's verdict into a finding with its path:
 * the notes are the trail events of the reported symbol since it was
 * acquired, plus every branch taken since then, in path order. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "checks.h"
#include "finding.h"

#define MAX_NOTES 24

/* Trail events that concern uid (or every symbol), oldest first, starting
 * at the symbol's acquisition. */
static int collect_notes(const sstate *st, int uid, const trail_event **out) {
    const trail_event *rev[256];
    int n = 0;
    bool found_start = false;
    for (const trail_event *e = st ? st->trail : NULL; e && n < 256; e = e->prev) {
        if (e->uid != uid && e->uid != -1)
            continue;
        rev[n++] = e;
        if (e->uid == uid && e->acquire) {
            found_start = true;
            break;
        }
    }
    if (!found_start) { /* not acquired on this trail: keep only its own events */
        int m = 0;
        for (int i = 0; i < n; i++)
            if (rev[i]->uid == uid)
                rev[m++] = rev[i];
        n = m;
    }
    int keep = n < MAX_NOTES ? n : MAX_NOTES;
    for (int i = 0; i < keep; i++)
        out[i] = rev[keep - 1 - i];
    return keep;
}

void check_report(check_ctx *ctx, const check_event *ev, const char *check_id,
                  const char *final_note, const char *fmt, ...) {
    if (ctx->enabled && !check_set_has(ctx->enabled, check_id))
        return;
    char message[512], name[128];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    const trail_event *ev_notes[MAX_NOTES];
    int nn = collect_notes(ev->state, ev->sym ? ev->sym->uid : -2, ev_notes);
    finding_note notes[MAX_NOTES + 1];
    for (int i = 0; i < nn; i++) {
        notes[i].loc = ev_notes[i]->loc;
        notes[i].text = (char *)ev_notes[i]->text;
    }
    if (final_note) {
        notes[nn].loc = ev->loc;
        notes[nn].text = (char *)final_note;
        nn++;
    }
    finding f = {0};
    f.check = checks_find(check_id)->id;
    f.loc = ev->loc;
    f.message = message;
    f.function = (char *)ctx->function;
    f.symbol = ev->sym ? (char *)check_sym_name(ev->sym, name, sizeof name) : NULL;
    f.notes = notes;
    f.nnotes = nn;
    strcpy(f.severity, "warning");
    finding_list_add(ctx->out, &f);
}

const char *check_sym_name(const sym *s, char *buf, size_t len) {
    if (s->name)
        snprintf(buf, len, "%s", s->name);
    else if (s->from)
        snprintf(buf, len, "the result of %s", s->from);
    else
        snprintf(buf, len, "the reference");
    return buf;
}

const char *check_describe_origin(const sym *s, char *buf, size_t len) {
    switch (s->origin) {
    case OR_NEW:
    case OR_BORROWED:
        if (s->from)
            snprintf(buf, len, "from %s at line %u", s->from, s->origin_loc.line);
        else
            snprintf(buf, len, "acquired at line %u", s->origin_loc.line);
        break;
    case OR_PARAM:
        snprintf(buf, len, "a parameter");
        break;
    case OR_FIELD:
        snprintf(buf, len, "read from a field at line %u", s->origin_loc.line);
        break;
    case OR_GLOBAL_VAR:
        snprintf(buf, len, "read from a global variable at line %u", s->origin_loc.line);
        break;
    case OR_GLOBAL:
        snprintf(buf, len, "a global object");
        break;
    default:
        snprintf(buf, len, "of unknown origin");
        break;
    }
    return buf;
}
