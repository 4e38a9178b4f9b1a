/* html.h: writing HTML safely. Every string that comes from a source file
 * or the database goes through html_text (element text and attribute
 * values alike) or html_url (inside a URL), never fputs.
 *
 * Guarantees: html_text's output is well-formed UTF-8 text with & < > " '
 * escaped; NUL and other control characters except tab, newline and
 * carriage return, and bytes that are not valid UTF-8, become U+FFFD, so a
 * source file in another encoding shows replacement characters instead of
 * breaking the page. */
#ifndef REFFLOW_HTML_H
#define REFFLOW_HTML_H

#include <stddef.h>
#include <stdio.h>

/* s escaped (NULL writes nothing). */
void html_text(FILE *out, const char *s);
/* The n bytes at s escaped (NULs included, as U+FFFD). */
void html_textn(FILE *out, const char *s, size_t n);
/* printf, then escaped as html_text. */
void html_printf(FILE *out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* s percent-encoded for a URL query or fragment value (RFC 3986
 * unreserved characters kept): also safe inside an attribute. */
void html_url(FILE *out, const char *s);

#endif
