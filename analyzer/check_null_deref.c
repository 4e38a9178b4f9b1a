/* check_null_deref.c: `null-deref` — the result of a call that returns NULL
 * on failure, unchecked on this path, dereferenced or passed where NULL is
 * not allowed. Only fallible results count: parameters and other pointers
 * are never assumed NULL. */
#include <stdio.h>

#include "checks.h"

void check_null_deref_event(check_ctx *ctx, const check_event *ev) {
    if (ev->kind != EV_USE && ev->kind != EV_RELEASE)
        return;
    const sym *s = ev->sym;
    if (s->null != NN_NULL || !(s->flags & SF_FALLIBLE) || ev->nullable_ok)
        return;
    char name[128];
    check_sym_name(s, name, sizeof name);
    const char *from = s->from ? s->from : "a call";
    const char *when = (s->flags & SF_ABSENT) ? "when it has nothing to return" : "on failure";
    if (ev->kind == EV_USE && ev->use == USE_DEREF)
        check_report(ctx, ev, "null-deref", "dereferenced here while NULL",
                     "'%s' may be NULL (%s at line %u returns NULL %s) and is "
                     "dereferenced", name, from, s->origin_loc.line, when);
    else
        check_report(ctx, ev, "null-deref", "passed here while NULL",
                     "'%s' may be NULL (%s at line %u returns NULL %s) and is passed to "
                     "%s, which does not accept NULL", name, from, s->origin_loc.line, when,
                     ev->callee ? ev->callee : "a call");
}
