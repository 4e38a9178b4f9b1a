/* rf/error.h: the runtime's error state.
 *
 * Assumes: single-threaded use (one error state per process).
 *
 * Invariant: every fallible function returns NULL (reference results) or a
 * negative int (RF_STATUS results) on failure and sets the error state first;
 * success never clears it. The state is sticky until rf_error_clear(), like
 * errno that only failures write. Out of memory never aborts: it is
 * RF_ERR_NOMEM.
 */
#ifndef RF_ERROR_H
#define RF_ERROR_H

typedef enum rf_errcode {
    RF_OK = 0,
    RF_ERR_NOMEM,     /* an allocation failed */
    RF_ERR_TYPE,      /* an argument of the wrong type (or a bad rf_type) */
    RF_ERR_INDEX,     /* list index out of range */
    RF_ERR_KEY,       /* map key not found */
    RF_ERR_VALUE,     /* a bad value (NULL where an object is required, ...) */
    RF_ERR_UNDERFLOW, /* debug mode: refcount underflow / use of a freed object */
} rf_errcode;

/* The code of the last failure, RF_OK if none since the last clear. */
rf_errcode rf_error(void);
/* A message for the last failure ("" if none). Owned by the runtime, valid
 * until the next failure or rf_error_clear(). */
const char *rf_error_message(void);
/* A static name for a code ("nomem", "type", ...). */
const char *rf_error_name(rf_errcode code);
/* Resets the state to RF_OK. */
void rf_error_clear(void);

#endif
