/* html.c: HTML escaping and URL encoding for the report (see html.h). */
#include "html.h"

#include <stdarg.h>
#include <stdlib.h>

#include "cli.h"

static const char replacement[] = "\xef\xbf\xbd"; /* U+FFFD */

/* Writes the escaped form of the byte or sequence at p (n bytes left);
 * returns how many bytes it consumed. */
static size_t escape_one(FILE *out, const unsigned char *p, size_t n) {
    switch (*p) {
    case '&': fputs("&amp;", out); return 1;
    case '<': fputs("&lt;", out); return 1;
    case '>': fputs("&gt;", out); return 1;
    case '"': fputs("&quot;", out); return 1;
    case '\'': fputs("&#39;", out); return 1;
    case '\t': case '\n': case '\r': fputc(*p, out); return 1;
    default: break;
    }
    if (*p < 0x20 || *p == 0x7f) {
        fputs(replacement, out);
        return 1;
    }
    if (*p < 0x80) {
        fputc(*p, out);
        return 1;
    }
    /* utf8_seq_len reads up to 4 bytes: only ask it when they are there
     * or a NUL ends the sequence early (then it answers 0). */
    unsigned char buf[4] = {0};
    for (size_t i = 0; i < 4 && i < n; i++)
        buf[i] = p[i];
    size_t len = (size_t)utf8_seq_len(buf);
    if (len == 0 || len > n) {
        fputs(replacement, out);
        return 1;
    }
    fwrite(p, 1, len, out);
    return len;
}

void html_textn(FILE *out, const char *s, size_t n) {
    const unsigned char *p = (const unsigned char *)s;
    while (n > 0) {
        size_t used = escape_one(out, p, n);
        p += used;
        n -= used;
    }
}

void html_text(FILE *out, const char *s) {
    size_t n = 0;
    if (!s)
        return;
    while (s[n])
        n++;
    html_textn(out, s, n);
}

void html_printf(FILE *out, const char *fmt, ...) {
    va_list ap, again;
    va_start(ap, fmt);
    va_copy(again, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *s = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (!s)
        abort();
    vsnprintf(s, (size_t)n + 1, fmt, again);
    va_end(again);
    html_textn(out, s, (size_t)n);
    free(s);
}

void html_url(FILE *out, const char *s) {
    static const char hex[] = "0123456789ABCDEF";
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
        unsigned char c = *p;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '.' || c == '_' || c == '~')
            fputc(c, out);
        else
            fprintf(out, "%%%c%c", hex[c >> 4], hex[c & 15]);
    }
}
