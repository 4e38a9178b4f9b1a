/* verify.h: test mode. Reads the `// expect: ID[, ID]` comments of a C file
 * and compares them with the findings reported in that file: each (line,
 * check) expected must be reported, and each reported must be expected.
 * A finding is counted once per (line, check), however many paths or
 * symbols reach it.
 *
 * Ownership: verify_file reads the file itself; it prints each mismatch to
 * out in the diagnostic format and returns the number of mismatches, or -1
 * (with a message) if the file cannot be read or names an unknown check.
 */
#ifndef REFFLOW_VERIFY_H
#define REFFLOW_VERIFY_H

#include <stdio.h>

#include "finding.h"

int verify_file(const char *path, const finding_list *findings, FILE *out);

#endif
