/* check_registry.c: the one ordered list of checks, their IDs and help
 * text, and the clang-tidy style enable list. Order is the order checks see
 * each event; it does not matter for results (checks do not change state). */
#include "checks.h"

#include <stdio.h>
#include <string.h>

static const check_info registry[] = {
    {"leak", "an owned reference is lost on some path",
     "A reference the function owns (a new reference from a call, or one it took with an "
     "incref) is never given back on some path: the variable holding it goes out of scope, "
     "is overwritten, or the function returns without releasing, storing or returning it. "
     "The object is never freed.",
     check_leak_event},
    {"over-release", "a release of a reference the function does not own",
     "The function releases (decref) or gives away (passes to a stealing argument) a "
     "reference it does not own: a borrowed one, one already released, or one already "
     "stolen. The object's count drops below what its real owners hold; it will be freed "
     "while still in use.",
     check_over_release_event},
    {"use-after-release", "a reference used after the function released it",
     "The function dropped its last reference to an object and nothing else is known to keep "
     "it alive, then dereferences it, passes it to a call, or returns it. The object may "
     "already be freed.",
     check_use_after_release_event},
    {"borrowed-return", "a borrowed reference returned where a new one is due",
     "The function must return a new reference (by rule, annotation, or convention) but "
     "returns one it only borrowed (a parameter, a global such as Py_None, a container item) "
     "without an incref. The caller will release a reference it was never given.",
     check_borrowed_return_event},
    {"null-deref", "a reference that may be NULL is dereferenced",
     "A call that returns NULL on failure was not checked on this path, and its result is "
     "dereferenced or passed where NULL is not allowed (an incref/decref, or an argument that "
     "does not accept NULL).",
     check_null_deref_event},
    {"cycle-untraced", "a type that can form cycles the collector cannot see",
     "A type whose owned-reference fields can form a cycle but that the tracing collector "
     "cannot traverse: cycles through it are never freed.",
     NULL},
    {"cycle-created", "code that links objects into a reference cycle",
     "Code stores references so that objects refer to each other in a cycle that reference "
     "counting alone cannot free: a warning when a type on the cycle is not traced by the "
     "collector (the objects are never freed), a note when the collector will reclaim them.",
     check_cycle_created_event},
};

#define NCHECKS ((int)(sizeof registry / sizeof registry[0]))

int checks_count(void) {
    return NCHECKS;
}

const check_info *checks_at(int i) {
    return i >= 0 && i < NCHECKS ? &registry[i] : NULL;
}

static int check_index(const char *id, size_t len) {
    for (int i = 0; i < NCHECKS; i++)
        if (strlen(registry[i].id) == len && strncmp(registry[i].id, id, len) == 0)
            return i;
    return -1;
}

const check_info *checks_find(const char *id) {
    int i = check_index(id, strlen(id));
    return i < 0 ? NULL : &registry[i];
}

void check_set_all(check_set *cs) {
    for (int i = 0; i < NCHECKS; i++)
        cs->enabled[i] = true;
}

static bool apply_item(check_set *cs, const char *item, size_t len, char *err, size_t errlen) {
    bool on = true;
    if (len && item[0] == '-') {
        on = false;
        item++;
        len--;
    }
    if (len == 1 && item[0] == '*') {
        for (int i = 0; i < NCHECKS; i++)
            cs->enabled[i] = on;
        return true;
    }
    int i = check_index(item, len);
    if (i < 0) {
        snprintf(err, errlen, "unknown check '%.*s' in --checks (known: leak, over-release, "
                 "use-after-release, borrowed-return, null-deref, cycle-untraced, cycle-created)",
                 (int)len, item);
        return false;
    }
    cs->enabled[i] = on;
    return true;
}

bool check_set_parse(check_set *cs, const char *list, char *err, size_t errlen) {
    const char *p = list;
    while (*p) {
        const char *e = strchr(p, ',');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        while (len && (*p == ' ')) {
            p++;
            len--;
        }
        while (len && p[len - 1] == ' ')
            len--;
        if (len && !apply_item(cs, p, len, err, errlen))
            return false;
        if (!e)
            break;
        p = e + 1;
    }
    return true;
}

bool check_set_has(const check_set *cs, const char *id) {
    int i = check_index(id, strlen(id));
    return i >= 0 && cs->enabled[i];
}
