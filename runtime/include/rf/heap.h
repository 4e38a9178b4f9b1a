/* rf/heap.h: introspection of the live heap, debug-mode helpers, init/fini.
 *
 * Assumes: single-threaded use.
 *
 * Invariant: every live object (tracked or not) is on one of the runtime's
 * object lists, so it can be counted, listed, dumped and checked.
 * Debug mode (RF_DEBUG defined for the library and its users): freed memory
 * is poisoned, freed objects are quarantined for a while so a late
 * RF_DECREF/RF_INCREF of one is caught (reported on the debug stream with
 * the object's type name and RF_ERR_UNDERFLOW set, never an abort unless
 * rf_debug_set_abort(1)), rf_fini reports leaks, and allocations can be
 * made to fail on purpose.
 */
#ifndef RF_HEAP_H
#define RF_HEAP_H

#include <stdio.h>
#include <stddef.h>

/* Optional: the runtime initializes itself on first use. */
void rf_init(void);
/* Ends a session: in debug mode writes a leak report (every live object:
 * type, address, refcount) to the debug stream; releases cached memory.
 * Returns the number of objects still alive. Live objects stay valid. */
long rf_fini(void);

/* The number of live objects, all types. */
size_t rf_heap_count(void);
/* The number of live objects of one type. */
size_t rf_heap_count_type(const rf_type *type);
/* Calls fn once per type that has had objects (name, live count). */
void rf_heap_foreach_type(void (*fn)(const rf_type *type, size_t live, void *arg), void *arg);
/* Writes the live reference graph as a DOT digraph "rf_heap": one node per
 * live object, labelled with type, refcount and value (int/str), one edge
 * per reference found by traverse. 0 on success, -1 on a write error. */
RF_STATUS int rf_heap_dump_dot(FILE *out);
/* Writes one line per live object ("type address refcnt=N"); returns how
 * many. */
long rf_heap_report_live(FILE *out);
/* Walks every object list and checks the heap invariants: links consistent,
 * refcounts >= 1, types set and registered, counts agree with the lists
 * and generation counts. Writes each problem to the debug stream; returns
 * the number of problems (0: healthy). Usable in any build. */
long rf_debug_check_heap(void);

/* Where debug messages go (default stderr; NULL restores it). The stream
 * stays the caller's. */
void rf_debug_set_stream(FILE *out);
/* Debug mode: 1 makes underflow reports abort() after the message. */
void rf_debug_set_abort(int on);
/* Debug mode: after n more successful allocations, every allocation fails
 * (NULL, RF_ERR_NOMEM) until rf_debug_fail_after(-1). Returns the number of
 * allocations that were still allowed before the call (-1 if unlimited).
 * In release builds it does nothing and returns -1. */
long rf_debug_fail_after(long n);
/* 1 when the library was built with RF_DEBUG. */
int rf_debug_enabled(void);

#endif
