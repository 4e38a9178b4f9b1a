/* arena.h: bump allocation for the analyzer, dropped whole.
 *
 * Invariants: every object the analyzer builds for one translation unit or
 * one function lives in an arena and is never freed alone; arena_free()
 * releases all of it at once. Out of memory is an internal impossibility for
 * the analyzer (it is a batch tool with bounded inputs): arena_alloc() prints
 * a message and aborts rather than returning NULL, so callers never check.
 * Memory returned is zeroed and aligned for any type.
 */
#ifndef REFFLOW_ARENA_H
#define REFFLOW_ARENA_H

#include <stdbool.h>
#include <stddef.h>

typedef struct arena_chunk arena_chunk;

typedef struct arena {
    arena_chunk *head;   /* newest chunk first */
    size_t used;         /* bytes handed out, for statistics */
} arena;

void arena_init(arena *a);
/* Releases every allocation made from a; a is reusable afterwards. */
void arena_free(arena *a);
/* Zeroed block of size bytes owned by a. Never returns NULL. */
void *arena_alloc(arena *a, size_t size);
/* Copy of the len bytes at s plus a terminating NUL, owned by a. */
char *arena_strndup(arena *a, const char *s, size_t len);
/* Copy of the NUL-terminated s, owned by a; NULL stays NULL. */
char *arena_strdup(arena *a, const char *s);
/* Is p inside a block that a handed out? (Walks a's chunks.) */
bool arena_owns(const arena *a, const void *p);
/* printf into a string owned by a. */
char *arena_printf(arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#define ARENA_NEW(a, type) ((type *)arena_alloc((a), sizeof(type)))
#define ARENA_ARRAY(a, type, n) ((type *)arena_alloc((a), sizeof(type) * (size_t)(n)))

#endif
