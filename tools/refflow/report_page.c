/* report_page.c: what every page of the HTML report shares: opening and
 * closing its file, the document frame with the embedded style sheet and
 * navigation, page names, and run labels (see report.h). */
#include "report.h"

#include <errno.h>
#include <string.h>

#include "checks.h"
#include "html.h"
#include "report_assets.h"

FILE *report_page_open(const report_ctx *c, const char *name, char *err, size_t errlen) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", c->dir, name);
    FILE *out = fopen(path, "w");
    if (!out)
        snprintf(err, errlen, "%s: cannot write: %s", path, strerror(errno));
    return out;
}

bool report_page_close(const report_ctx *c, FILE *out, const char *name, char *err,
                       size_t errlen) {
    bool failed = ferror(out) != 0;
    int saved = errno;
    if (fclose(out) != 0 && !failed) {
        failed = true;
        saved = errno;
    }
    if (failed)
        snprintf(err, errlen, "%s/%s: writing failed: %s", c->dir, name, strerror(saved));
    return !failed;
}

static void nav_link(FILE *out, const char *href, const char *label, bool active) {
    fprintf(out, "<a href=\"%s\"%s>%s</a>", href, active ? " aria-current=\"page\"" : "",
            label);
}

void report_page_begin(FILE *out, const char *title, const char *active) {
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
          "<meta name=\"generator\" content=\"refflow " REFFLOW_VERSION "\">\n<title>",
          out);
    html_text(out, title);
    fputs("</title>\n<style>\n", out);
    fputs(report_asset_report_css, out);
    fputs("</style>\n</head>\n<body>\n<header class=\"top\"><span class=\"brand\">refflow</span>"
          "<nav>",
          out);
    nav_link(out, "index.html", "Findings", strcmp(active, "index") == 0);
    nav_link(out, "types.html", "Types", strcmp(active, "types") == 0);
    fputs("</nav></header>\n<main>\n", out);
}

void report_page_end(FILE *out, bool with_script) {
    fputs("</main>\n", out);
    if (with_script) {
        fputs("<script>\n", out);
        fputs(report_asset_report_js, out);
        fputs("</script>\n", out);
    }
    fputs("</body>\n</html>\n", out);
}

/* Appends the characters of s safe in a file name ('-' for others,
 * squeezed) to buf at *at, at most max of them. */
static void slug(char *buf, size_t len, size_t *at, const char *s, size_t max) {
    size_t start = *at;
    for (; s && *s && *at + 1 < len && *at - start < max; s++) {
        char ch = *s;
        bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                  (ch >= '0' && ch <= '9') || ch == '.' || ch == '_';
        if (!ok && *at > start && buf[*at - 1] == '-')
            continue;
        buf[(*at)++] = ok ? ch : '-';
    }
    buf[*at] = '\0';
}

const char *report_finding_page(const store_report_finding *f, char *buf, size_t len) {
    const char *base = f->file ? strrchr(f->file, '/') : NULL;
    base = base ? base + 1 : f->file;
    int n = snprintf(buf, len, "f%lld-", (long long)f->id);
    size_t at = n > 0 && (size_t)n < len ? (size_t)n : 0;
    slug(buf, len, &at, f->check, 24);
    if (at + 1 < len)
        buf[at++] = '-';
    slug(buf, len, &at, base && *base && *base != '.' ? base : "file", 48);
    snprintf(buf + at, len - at, "-L%d.html", f->line);
    return buf;
}

bool report_is_new(const report_ctx *c, const store_report_finding *f) {
    return c->latest && c->previous_run && f->first_run == c->latest->id;
}

void report_time(FILE *out, const char *iso) {
    if (!iso) {
        fputs("(not finished)", out);
        return;
    }
    size_t n = strlen(iso);
    html_textn(out, iso, n > 10 ? 10 : n);
    if (n >= 16) {
        fputc(' ', out);
        html_textn(out, iso + 11, 5);
        fputs(" UTC", out);
    }
}

void report_run_label(FILE *out, const report_ctx *c, int64_t run_id) {
    const char *started = NULL;
    for (int i = 0; i < c->r->nruns; i++)
        if (c->r->runs[i].id == run_id)
            started = c->r->runs[i].started;
    fputs("<span class=\"run-id\"", out);
    if (started) {
        fputs(" title=\"started ", out);
        report_time(out, started);
        fputs("\"", out);
    }
    fprintf(out, ">run #%lld</span>", (long long)run_id);
}

void report_check_badge(FILE *out, const char *check) {
    fprintf(out, "<span class=\"check c-%s\">", checks_find(check) ? check : "other");
    html_text(out, check);
    fputs("</span>", out);
}

/* Does every finding's file have byte c at offset n? */
static bool all_have(const store_report *r, size_t n, char c) {
    for (int i = 0; i < r->nfindings; i++)
        if (!r->findings[i].file || r->findings[i].file[n] != c)
            return false;
    return true;
}

const char *report_common_dir(const store_report *r, char *buf, size_t len) {
    size_t n = 0;
    const char *first = r->nfindings && r->findings[0].file ? r->findings[0].file : "";
    while (first[n] && all_have(r, n, first[n]))
        n++;
    while (n > 0 && first[n - 1] != '/')
        n--;
    n = n < len ? n : len - 1;
    memcpy(buf, first, n);
    buf[n] = '\0';
    return buf;
}

const char *report_short_file(const report_ctx *c, const char *file) {
    size_t n = strlen(c->common_dir);
    return file && strncmp(file, c->common_dir, n) == 0 ? file + n : file;
}
