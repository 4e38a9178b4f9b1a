/* error_internal.h: setting the runtime's error state (see rf/error.h).
 *
 * Assumes: single-threaded use. The message is formatted into a fixed
 * buffer inside error.c (truncated if long); no allocation happens, so it
 * works when memory is exhausted.
 */
#ifndef RF_ERROR_INTERNAL_H
#define RF_ERROR_INTERNAL_H

#include "rf.h"

/* Records a failure: code and printf-style message. */
void rf_error_set_(rf_errcode code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
