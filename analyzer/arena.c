/* arena.c: chunked bump allocator (see arena.h). Assumes single-threaded use
 * of one arena; different threads use different arenas. */
#include "arena.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_CHUNK_MAX (64 * 1024)
#define ARENA_CHUNK_FIRST (4 * 1024)
#define ARENA_ALIGN 16

struct arena_chunk {
    arena_chunk *next;
    size_t size;   /* usable bytes in data */
    size_t top;    /* first free byte */
    _Alignas(16) unsigned char data[];
};

void arena_init(arena *a) {
    a->head = NULL;
    a->used = 0;
}

void arena_free(arena *a) {
    arena_chunk *c = a->head;
    while (c) {
        arena_chunk *next = c->next;
        free(c);
        c = next;
    }
    arena_init(a);
}

/* Chunks grow with the arena: 4 KB first, then as much as is used so far,
 * up to ARENA_CHUNK_MAX. Most arenas (one per function lowered or checked)
 * stay small, and zeroing a 64 KB chunk for each cost more than the work. */
static arena_chunk *new_chunk(size_t need, size_t used) {
    size_t size = used < ARENA_CHUNK_FIRST ? ARENA_CHUNK_FIRST : used;
    if (size > ARENA_CHUNK_MAX)
        size = ARENA_CHUNK_MAX;
    if (need > size)
        size = need;
    arena_chunk *c = calloc(1, sizeof *c + size);
    if (!c) {
        fprintf(stderr, "refflow: out of memory (arena chunk of %zu bytes)\n", size);
        abort();
    }
    c->size = size;
    return c;
}

void *arena_alloc(arena *a, size_t size) {
    size = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    if (size == 0)
        size = ARENA_ALIGN;
    arena_chunk *c = a->head;
    if (!c || c->size - c->top < size) {
        c = new_chunk(size, a->used);
        c->next = a->head;
        a->head = c;
    }
    void *p = c->data + c->top;
    c->top += size;
    a->used += size;
    return p; /* chunks come from calloc and are never reused: already zero */
}

char *arena_strndup(arena *a, const char *s, size_t len) {
    char *p = arena_alloc(a, len + 1);
    memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

char *arena_strdup(arena *a, const char *s) {
    return s ? arena_strndup(a, s, strlen(s)) : NULL;
}

bool arena_owns(const arena *a, const void *p) {
    uintptr_t q = (uintptr_t)p;
    for (const arena_chunk *c = a->head; c; c = c->next)
        if (q >= (uintptr_t)c->data && q < (uintptr_t)c->data + c->top)
            return true;
    return false;
}

char *arena_printf(arena *a, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *p = arena_alloc(a, (size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}
