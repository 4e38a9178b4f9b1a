/* store_fingerprint.c: findings' fingerprints (see store.h and
 * analyzer/schema/findings.sql). A fingerprint must survive code moving up
 * or down, so it covers what a finding is (check, file, function, symbol,
 * message) but not where it is: numbers standing alone in the message
 * ("at line 12") are blanked, numbers inside names ('x1') are kept. Findings
 * equal in all of that are told apart by an ordinal, in line order. */
#include "store_internal.h"

#include <stdlib.h>
#include <string.h>

/* Hashes s with standalone numbers (not part of an identifier) blanked. */
static uint64_t hash_normalized(const char *s, uint64_t h) {
    char buf[256];
    size_t n = 0;
    const char *start = s ? s : "";
    for (const char *p = start; *p;) {
        char c = p > start ? p[-1] : ' ';
        bool word = c == '_' || ((c | 32) >= 'a' && (c | 32) <= 'z') || (c >= '0' && c <= '9');
        if (*p >= '0' && *p <= '9' && !word) {
            while (*p >= '0' && *p <= '9')
                p++;
            buf[n++] = '#';
        } else {
            buf[n++] = *p++;
        }
        if (n == sizeof buf) {
            h = store_hash64(buf, n, h);
            n = 0;
        }
    }
    return store_hash64(buf, n, h);
}

static uint64_t hash_str(const char *s, uint64_t h) {
    s = s ? s : "";
    return store_hash64(s, strlen(s) + 1, h);
}

static uint64_t base_fingerprint(const finding *f) {
    uint64_t h = hash_str(f->check, 0);
    h = hash_str(f->loc.file, h);
    h = hash_str(f->function, h);
    h = hash_str(f->symbol, h);
    return hash_normalized(f->message, h);
}

static uint64_t with_ordinal(uint64_t base, int ordinal) {
    unsigned char b[4] = {(unsigned char)ordinal, (unsigned char)(ordinal >> 8),
                          (unsigned char)(ordinal >> 16), (unsigned char)(ordinal >> 24)};
    return store_hash64(b, sizeof b, base);
}

void store_fingerprint(const finding *f, int ordinal, char out[17]) {
    store_hex(with_ordinal(base_fingerprint(f), ordinal), out);
}

typedef struct fp_sort {
    uint64_t base;
    const finding *f;
    int index;
} fp_sort;

static int compare_fp(const void *pa, const void *pb) {
    const fp_sort *a = pa, *b = pb;
    if (a->base != b->base)
        return a->base < b->base ? -1 : 1;
    if (a->f->loc.line != b->f->loc.line)
        return a->f->loc.line < b->f->loc.line ? -1 : 1;
    if (a->f->loc.col != b->f->loc.col)
        return a->f->loc.col < b->f->loc.col ? -1 : 1;
    return a->index - b->index;
}

const char **store_fingerprints(arena *a, const finding_list *l, const char *const *given) {
    fp_sort *v = ARENA_ARRAY(a, fp_sort, l->n + 1);
    const char **out = ARENA_ARRAY(a, const char *, l->n + 1);
    int n = 0;
    for (int i = 0; i < l->n; i++)
        if (!(out[i] = given ? given[i] : NULL))
            v[n++] = (fp_sort){base_fingerprint(&l->items[i]), &l->items[i], i};
    qsort(v, (size_t)n, sizeof *v, compare_fp);
    for (int i = 0, ord = 0; i < n; i++) {
        ord = i > 0 && v[i].base == v[i - 1].base ? ord + 1 : 0;
        char *hex = arena_alloc(a, 17);
        store_hex(with_ordinal(v[i].base, ord), hex);
        out[v[i].index] = hex;
    }
    return out;
}
