/* error.c: the runtime's sticky error state (code + message).
 *
 * Assumes: single-threaded use; see rf/error.h for the contract.
 */
#include <stdarg.h>
#include <stdio.h>

#include "error_internal.h"

static rf_errcode last_code = RF_OK;
static char last_message[256];

void rf_error_set_(rf_errcode code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(last_message, sizeof last_message, fmt, ap);
    va_end(ap);
    last_code = code;
}

rf_errcode rf_error(void)
{
    return last_code;
}

const char *rf_error_message(void)
{
    return last_message;
}

const char *rf_error_name(rf_errcode code)
{
    switch (code) {
    case RF_OK: return "ok";
    case RF_ERR_NOMEM: return "nomem";
    case RF_ERR_TYPE: return "type";
    case RF_ERR_INDEX: return "index";
    case RF_ERR_KEY: return "key";
    case RF_ERR_VALUE: return "value";
    case RF_ERR_UNDERFLOW: return "underflow";
    }
    return "unknown";
}

void rf_error_clear(void)
{
    last_code = RF_OK;
    last_message[0] = '\0';
}
