/* check_over_release.c: `over-release` — releasing (decref) or giving away
 * (passing to a stealing argument) a reference the function does not own.
 * Releasing a reference read from a field or a global variable is allowed:
 * the code releases the structure's (the module's) reference on its behalf
 * (dealloc, clear, module free); so is releasing one handed to a local
 * array (the array's, through the variable that still holds it). */
#include <stdio.h>

#include "checks.h"

static const char *why_not_owned(const sym *s, char *buf, size_t len) {
    char origin[160];
    if (s->flags & SF_RELEASED)
        snprintf(buf, len, "already released at line %u", s->release_loc.line);
    else if (s->flags & SF_STOLEN)
        snprintf(buf, len, "already stolen by %s at line %u",
                 s->release_by ? s->release_by : "a call", s->release_loc.line);
    else if (s->flags & SF_ESCAPED)
        snprintf(buf, len, "already stored away at line %u", s->release_loc.line);
    else if ((s->flags & SF_KEPT) && s->release_loc.line)
        snprintf(buf, len, "its last reference was released at line %u; a container keeps "
                           "its own", s->release_loc.line);
    else
        snprintf(buf, len, "borrowed: %s", check_describe_origin(s, origin, sizeof origin));
    return buf;
}

void check_over_release_event(check_ctx *ctx, const check_event *ev) {
    if (ev->kind != EV_RELEASE)
        return;
    const sym *s = ev->sym;
    if (s->kind != SK_REF || s->origin == OR_UNKNOWN || s->owned > 0 || s->null == NN_NULL)
        return;
    if ((s->origin == OR_FIELD || s->origin == OR_GLOBAL_VAR || (s->flags & SF_IN_ARRAY)) &&
        !(s->flags & (SF_RELEASED | SF_STOLEN)))
        return;
    char name[128], why[200];
    check_sym_name(s, name, sizeof name);
    why_not_owned(s, why, sizeof why);
    if (ev->release == REL_STEAL)
        check_report(ctx, ev, "over-release", "given away here without being owned",
                     "'%s' is passed to %s, which steals a reference, but this function does "
                     "not own one (%s)", name, ev->callee ? ev->callee : "a call", why);
    else
        check_report(ctx, ev, "over-release", "released here",
                     "release of '%s', which this function does not own (%s)", name, why);
}
