/* json_write.c: writing a C string as a JSON string, shared by the JSON
 * and SARIF reporters. Valid UTF-8 passes through; control characters are
 * escaped; a byte that is not valid UTF-8 becomes U+FFFD, so the output is
 * always valid JSON whatever the source file's encoding. utf8_seq_len is
 * shared with the HTML writer (html.c). */
#include "cli.h"

int utf8_seq_len(const unsigned char *s) {
    int n = s[0] >= 0xf0 && s[0] <= 0xf4 ? 4 : s[0] >= 0xe0 ? 3 : s[0] >= 0xc2 ? 2 : 0;
    if (s[0] >= 0xf8)
        return 0;
    for (int i = 1; i < n; i++)
        if ((s[i] & 0xc0) != 0x80)
            return 0;
    return n;
}

void json_write_string(FILE *out, const char *s) {
    fputc('"', out);
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(out, "\\%c", *p);
        else if (*p == '\n')
            fputs("\\n", out);
        else if (*p < 0x20 || *p == 0x7f)
            fprintf(out, "\\u%04x", *p);
        else if (*p < 0x80)
            fputc(*p, out);
        else {
            int n = utf8_seq_len(p);
            if (n)
                fwrite(p, 1, (size_t)n, out), p += n - 1;
            else
                fputs("\\ufffd", out);
        }
    }
    fputc('"', out);
}

