/* rules_embedded.h: the built-in rule sets compiled into the binary.
 *
 * The definitions are generated at build time by cmake/EmbedRules.cmake from
 * the files rules/NAME.rules (one set per file, named after it without ".rules"); only
 * rules_builtin.c reads them. The arrays are parallel and end with NULL.
 * Everything here is static data: nobody frees it.
 */
#ifndef REFFLOW_RULES_EMBEDDED_H
#define REFFLOW_RULES_EMBEDDED_H

extern const char *const rules_embedded_names[];  /* "rf", "cpython", ..., NULL */
extern const char *const rules_embedded_texts[];  /* each set's rule text */

#endif
