/* fingerprint.h: stable identities for findings (baselines, SARIF
 * partialFingerprints), and the source-line cache they are computed from.
 *
 * A fingerprint must survive edits that do not touch the finding (lines
 * inserted or deleted above it, a reformatted neighbour), so it hashes what
 * the finding is, never where it is:
 *
 *     FNV-1a 64 over   "refflow-fp-v1" NUL  check NUL  path NUL  function NUL
 *                      symbol NUL  line-text NUL  occurrence
 *
 *   path        the file relative to the source root (fp_relpath);
 *   line-text   the reported source line with every run of blanks collapsed
 *               to one space and leading/trailing blanks dropped (empty when
 *               the file cannot be read);
 *   occurrence  decimal index, from 0, of the finding among the findings of
 *               the same file with an identical (check, function, symbol,
 *               line-text), counted in the list's (line, column) order.
 *
 * Changing the offending line, renaming the function or the reference, or
 * moving the file changes the fingerprint; anything else does not. The line
 * number is deliberately not hashed. FNV-1a 64 (offset basis
 * 0xcbf29ce484222325, prime 0x100000001b3) is fast and well distributed but
 * not cryptographic: it identifies, it does not authenticate. Printed as 16
 * lowercase hex digits (fp_format). Changing any of the above is a new
 * version ("v2"): old baselines would stop matching.
 *
 * Pure C, no libclang: the CLI computes fingerprints after the analysis.
 */
#ifndef REFFLOW_FINGERPRINT_H
#define REFFLOW_FINGERPRINT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "finding.h"

#define FP_FNV_OFFSET 0xcbf29ce484222325ULL
#define FP_FNV_PRIME 0x100000001b3ULL
#define FP_HEX_LEN 16

/* FNV-1a 64 of n bytes at p, continuing from h (start with FP_FNV_OFFSET). */
uint64_t fp_hash(uint64_t h, const void *p, size_t n);
/* Hashes s (NULL as "") and then its terminating NUL, so that consecutive
 * fields cannot run into each other. */
uint64_t fp_hash_field(uint64_t h, const char *s);

/* Writes the n bytes at line with every run of blanks (space, tab, \r, \f,
 * \v) collapsed to one space and no leading or trailing blank into out (cap
 * bytes, always NUL-terminated, truncated if needed). Returns the length. */
size_t fp_normalize_line(const char *line, size_t n, char *out, size_t cap);

/* "%016" PRIx64 into buf (at least FP_HEX_LEN + 1 bytes); returns buf. */
char *fp_format(uint64_t fp, char *buf);
/* Parses exactly FP_HEX_LEN hex digits at s; false if they are not there. */
bool fp_parse(const char *s, uint64_t *out);

/* path relative to root (NULL: the current directory), both resolved to
 * absolute canonical paths first (realpath when they exist, else lexically:
 * ".", ".." and repeated slashes removed). A path outside root stays
 * absolute. The caller frees the result. */
char *fp_relpath(const char *path, const char *root);

/* A cache of source files split into lines, each file read once, on first
 * use. Not thread-safe: used after the analysis, from one thread. */
typedef struct fp_sources fp_sources;

fp_sources *fp_sources_new(void);
void fp_sources_free(fp_sources *s);
/* Number of lines of path, or -1 if it cannot be read. */
int fp_source_nlines(fp_sources *s, const char *path);
/* Line `line` (1-based) of path without its line ending; its length in
 * *len. NULL if the file cannot be read or has no such line. The text is
 * owned by s (valid until fp_sources_free) and not NUL-terminated. */
const char *fp_source_line(fp_sources *s, const char *path, unsigned line, size_t *len);

/* The whole text of path, *len bytes, not NUL-terminated; NULL if it
 * cannot be read. Owned by s. */
const char *fp_source_text(fp_sources *s, const char *path, size_t *len);
/* The line (1-based) holding byte offset at of path's text; 0 if there is
 * none. */
unsigned fp_source_line_at(fp_sources *s, const char *path, size_t at);

/* The fingerprint of every finding of l (which must be sorted:
 * finding_list_sort) into out[0 .. l->n), paths relative to root (NULL: the
 * current directory), lines read through src. */
void fp_compute(const finding_list *l, fp_sources *src, const char *root, uint64_t *out);

#endif
