/* check_leak.c: `leak` — an owned reference whose last holder goes away.
 * Reported where the last owner is lost: the return, the end of the scope,
 * the overwriting assignment, or the statement whose result is dropped. */
#include <stdio.h>

#include "checks.h"

static const char *lost_note(lost_reason why, const char *name, char *buf, size_t len) {
    switch (why) {
    case LOST_RETURN: snprintf(buf, len, "'%s' is lost on return", name); break;
    case LOST_SCOPE: snprintf(buf, len, "'%s' goes out of scope", name); break;
    case LOST_OVERWRITE: snprintf(buf, len, "'%s' is overwritten", name); break;
    case LOST_UNUSED: snprintf(buf, len, "%s is never stored or released", name); break;
    case LOST_END: snprintf(buf, len, "'%s' is lost at the end of the function", name); break;
    }
    return buf;
}

void check_leak_event(check_ctx *ctx, const check_event *ev) {
    if (ev->kind != EV_LOST)
        return;
    const sym *s = ev->sym;
    if (s->kind != SK_REF || s->origin == OR_UNKNOWN || s->owned <= 0)
        return;
    if ((s->flags & SF_ALIAS_DROPPED) && s->owned == 1)
        return; /* released through an equal value's name (symstate.h) */
    char name[128], origin[160], note[200];
    check_sym_name(s, name, sizeof name);
    check_describe_origin(s, origin, sizeof origin);
    const char *what = s->origin == OR_NEW ? "new reference" : "owned reference";
    check_report(ctx, ev, "leak", lost_note(ev->lost, name, note, sizeof note),
                 "leak of %s '%s' (%s)", what, name, origin);
}
