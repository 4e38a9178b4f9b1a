/* store_test_hook.h: a seam for the store's own tests (tests/store), not
 * for the tool: it lets a test stop a process in the middle of a
 * transaction. Kept apart from store_internal.h so tests need not see
 * sqlite3.h. */
#ifndef REFFLOW_STORE_TEST_HOOK_H
#define REFFLOW_STORE_TEST_HOOK_H

#include "store.h"

/* Calls fn(s, ctx) inside every store_end_tu transaction of s, after all
 * its rows are written and before COMMIT, with the handle's lock held (the
 * crash test kills the process there). fn NULL removes the hook. */
void store_set_before_commit(store *s, void (*fn)(store *s, void *ctx), void *ctx);

#endif
