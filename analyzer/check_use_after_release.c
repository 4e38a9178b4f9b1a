/* check_use_after_release.c: `use-after-release` — a reference dereferenced,
 * passed, returned or released again after the function dropped its last
 * reference and nothing else is known to keep the object alive. */
#include <stdio.h>

#include "checks.h"

static const char *use_text(const check_event *ev, char *buf, size_t len) {
    if (ev->kind == EV_RELEASE)
        snprintf(buf, len, "released again");
    else if (ev->use == USE_DEREF)
        snprintf(buf, len, "dereferenced");
    else if (ev->use == USE_RETURN)
        snprintf(buf, len, "returned");
    else
        snprintf(buf, len, "passed to %s", ev->callee ? ev->callee : "a call");
    return buf;
}

void check_use_after_release_event(check_ctx *ctx, const check_event *ev) {
    if (ev->kind != EV_USE && ev->kind != EV_RELEASE)
        return;
    const sym *s = ev->sym;
    if (s->kind != SK_REF || !(s->flags & SF_RELEASED) || s->owned > 0)
        return;
    char name[128], how[160];
    check_sym_name(s, name, sizeof name);
    use_text(ev, how, sizeof how);
    check_report(ctx, ev, "use-after-release", "used here after release",
                 "'%s' is %s after its last reference was released at line %u", name, how,
                 s->release_loc.line);
}
