/* check_borrowed_return.c: `borrowed-return` — returning a reference the
 * function only borrowed where its contract says the caller gets a new one. */
#include <stdio.h>

#include "checks.h"

void check_borrowed_return_event(check_ctx *ctx, const check_event *ev) {
    if (ev->kind != EV_RETURN || !ev->returns_new)
        return;
    const sym *s = ev->sym;
    if (s->kind != SK_REF || s->owned > 0 || s->null == NN_NULL)
        return;
    if (s->origin == OR_UNKNOWN || s->origin == OR_NEW || s->origin == OR_NULLCONST)
        return;
    if (s->flags & SF_RELEASED)
        return; /* use-after-release says it */
    char name[128], origin[160];
    check_sym_name(s, name, sizeof name);
    check_describe_origin(s, origin, sizeof origin);
    check_report(ctx, ev, "borrowed-return", "returned without a new reference",
                 "returning borrowed reference '%s' (%s) where a new reference is due", name,
                 origin);
}
