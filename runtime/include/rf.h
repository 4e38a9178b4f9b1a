/* rf.h: the refflow runtime, reference-counted objects with a small-object
 * allocator and a tracing cycle collector. The one header users include.
 *
 * Assumes: C11 (GNU extensions welcome), single-threaded use: the runtime
 * keeps process-wide state without locks.
 *
 * Ownership words used in every comment: a *new* reference is owned by the
 * caller, who must release it (RF_DECREF) or hand it on; a *borrowed* one is
 * not, and must not be released; a *stolen* argument's reference passes to
 * the callee. The annotations (RF_NEW_REF, ...) say the same for the
 * analyzer. Build with RF_DEBUG defined to get the debug runtime (the CMake
 * target rf_debug does that for its users).
 */
#ifndef RF_H
#define RF_H

#include <rf/annotations.h>
#include <rf/error.h>
#include <rf/mem.h>
#include <rf/object.h>
#include <rf/builtins.h>
#include <rf/gc.h>
#include <rf/heap.h>

#endif
