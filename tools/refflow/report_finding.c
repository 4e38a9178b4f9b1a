/* report_finding.c: one page per finding: what was found, the path that
 * leads there, the function's source with every step marked on its line
 * (numbered, with its text under the line) and the finding's line
 * highlighted, and the function's reference-flow graph. Lines are anchors
 * (#L12). The source is read now from the file on disk; when it is missing
 * or no longer the analyzed file the page says so and shows no lines
 * (report_source.h). */
#include <string.h>

#include "html.h"
#include "report.h"
#include "report_graph.h"
#include "report_source.h"

/* Lines shown around a finding whose function's definition is unknown. */
#define CONTEXT_LINES 12

static bool in_file(const store_report_finding *f, const store_report_step *s) {
    return s->file && f->file && strcmp(s->file, f->file) == 0;
}

/* --- the head and the path ------------------------------------------------ */

static void write_meta(FILE *out, const report_ctx *c, const store_report_finding *f) {
    fputs("<dl class=\"meta\"><dt>Location</dt><dd><a href=\"#L", out);
    fprintf(out, "%d\">", f->line);
    html_printf(out, "%s:%d:%d", f->file ? f->file : "?", f->line, f->col);
    fputs("</a></dd>", out);
    if (f->function && f->function[0]) {
        fputs("<dt>Function</dt><dd><code>", out);
        html_text(out, f->function);
        fputs("</code></dd>", out);
    }
    if (f->symbol) {
        fputs("<dt>Reference</dt><dd><code>", out);
        html_text(out, f->symbol);
        fputs("</code></dd>", out);
    }
    fputs("<dt>Severity</dt><dd>", out);
    html_text(out, f->severity);
    fputs("</dd><dt>First seen</dt><dd>", out);
    report_run_label(out, c, f->first_run);
    if (report_is_new(c, f))
        fputs(" <span class=\"new\">new</span>", out);
    fputs("</dd><dt>Fingerprint</dt><dd><code>", out);
    html_text(out, f->fingerprint);
    fputs("</code></dd></dl>\n", out);
}

/* One entry of the path list: a link to its line when the line is shown. */
static void path_item(FILE *out, const char *cls, const char *file, int line, int col,
                      bool linked, const char *text) {
    fprintf(out, "<li class=\"%s\">", cls);
    if (linked)
        fprintf(out, "<a href=\"#L%d\">", line);
    else
        fputs("<span class=\"loc\">", out);
    html_printf(out, "%s:%d:%d", file ? file : "?", line, col);
    fputs(linked ? "</a> " : "</span> ", out);
    html_text(out, text);
    fputs("</li>\n", out);
}

static void write_path(FILE *out, const store_report_finding *f, bool lines) {
    fputs("<section><h2>Path</h2>\n<ol class=\"path\" id=\"path\">\n", out);
    for (int i = 0; i < f->nsteps; i++) {
        const store_report_step *s = &f->steps[i];
        path_item(out, "step", s->file, s->line, s->col, lines && in_file(f, s), s->text);
    }
    path_item(out, "hit", f->file, f->line, f->col, lines, f->message);
    fputs("</ol></section>\n", out);
}

/* --- the source ---------------------------------------------------------- */

/* The visual column (tabs to 8) of byte col (1-based) of the line. */
static int visual_col(const char *s, size_t len, int col) {
    int v = 0;
    for (size_t i = 0; i + 1 < (size_t)col && i < len; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch == '\t')
            v = (v / 8 + 1) * 8;
        else if ((ch & 0xc0) != 0x80)
            v++;
    }
    return v;
}

static void bubble(FILE *out, const src_file *sf, int line, int col, const char *cls,
                   const char *id, const char *label, const char *text) {
    size_t len;
    const char *s = src_line(sf, line, &len);
    fprintf(out, "<tr class=\"note %s\"%s%s%s><td class=\"ln\"></td><td class=\"mk\"></td>"
                 "<td><div class=\"bubble\" style=\"margin-left:%dch\">"
                 "<span class=\"stepno\">%s</span> <span class=\"txt\">",
            cls, id ? " id=\"" : "", id ? id : "", id ? "\"" : "", visual_col(s, len, col),
            label);
    html_text(out, text);
    fputs("</span></div></td></tr>\n", out);
}

static void write_line(FILE *out, const src_file *sf, const store_report_finding *f, int n) {
    bool hit = n == f->line, step = false;
    for (int i = 0; i < f->nsteps; i++)
        step = step || (f->steps[i].line == n && in_file(f, &f->steps[i]));
    fprintf(out, "<tr id=\"L%d\" class=\"line%s%s\"><td class=\"ln\"><a href=\"#L%d\">%d</a>"
                 "</td><td class=\"mk\">",
            n, hit ? " hit" : "", step ? " step" : "", n, n);
    for (int i = 0; i < f->nsteps; i++)
        if (f->steps[i].line == n && in_file(f, &f->steps[i]))
            fprintf(out, "<a class=\"stepno\" href=\"#step-%d\">%d</a>", i + 1, i + 1);
    fputs("</td><td class=\"code\">", out);
    size_t len;
    const char *s = src_line(sf, n, &len);
    html_textn(out, s, len);
    fputs("</td></tr>\n", out);
    char id[32], label[16];
    for (int i = 0; i < f->nsteps; i++)
        if (f->steps[i].line == n && in_file(f, &f->steps[i])) {
            snprintf(id, sizeof id, "step-%d", i + 1);
            snprintf(label, sizeof label, "%d", i + 1);
            bubble(out, sf, n, f->steps[i].col, "step", id, label, f->steps[i].text);
        }
    if (hit)
        bubble(out, sf, n, f->col, "hit", "finding", "!", f->message);
}

/* The lines to show: the function, widened to every step in the file and
 * the finding itself. */
static void shown_range(const src_file *sf, const store_report_finding *f, int *first,
                        int *last) {
    if (f->fn_line > 0 && f->fn_line <= f->line)
        src_function_range(sf, f->fn_line, first, last);
    else
        *first = f->line - CONTEXT_LINES, *last = f->line + CONTEXT_LINES;
    for (int i = 0; i < f->nsteps; i++)
        if (in_file(f, &f->steps[i]) && f->steps[i].line > 0) {
            *first = f->steps[i].line < *first ? f->steps[i].line : *first;
            *last = f->steps[i].line > *last ? f->steps[i].line : *last;
        }
    *first = f->line < *first ? f->line : *first;
    *last = f->line > *last ? f->line : *last;
    *first = *first < 1 ? 1 : *first;
    *last = *last > sf->nlines ? sf->nlines : *last;
}

/* Writes the source section; *first..*last get the lines shown (0, 0: none). */
static void write_source(FILE *out, const src_file *sf, const store_report_finding *f,
                         int *first, int *last) {
    fputs("<section><h2>Source</h2>\n", out);
    bool lines = sf->state == SRC_OK || sf->state == SRC_UNVERIFIED;
    if (sf->state != SRC_OK) {
        fprintf(out, "<p class=\"warn\" id=\"source-status\" data-state=\"%s\">",
                lines                          ? "unverified"
                : sf->state == SRC_CHANGED    ? "changed"
                : sf->state == SRC_UNREADABLE ? "unreadable"
                                              : "missing");
        html_text(out, sf->why);
        fputs("</p>\n", out);
    }
    if (lines && f->line > sf->nlines) {
        fputs("<p class=\"warn\" id=\"source-status\" data-state=\"short\">", out);
        html_printf(out, "%s has only %d lines; the finding is on line %d.", f->path,
                    sf->nlines, f->line);
        fputs("</p>\n", out);
        lines = false;
    }
    *first = *last = 0;
    if (lines) {
        shown_range(sf, f, first, last);
        if (f->fn_line <= 0 && f->function && f->function[0]) {
            fputs("<p class=\"note-text\">", out);
            html_printf(out, "The definition of %s is not recorded: lines %d to %d.",
                        f->function, *first, *last);
            fputs("</p>\n", out);
        }
        fputs("<div class=\"src-wrap\"><table class=\"src\" id=\"source\"><tbody>\n", out);
        for (int n = *first; n <= *last; n++)
            write_line(out, sf, f, n);
        fputs("</tbody></table></div>\n", out);
    }
    fputs("</section>\n", out);
}

/* Back to the index, and to the previous and next findings in the index's
 * order (file, line). */
static void write_nav(FILE *out, const report_ctx *c, const store_report_finding *f) {
    char page[256];
    long i = f - c->r->findings;
    fputs("<p class=\"back\"><a href=\"index.html\">← all findings</a>", out);
    if (i > 0)
        fprintf(out, " · <a rel=\"prev\" href=\"%s\">‹ previous</a>",
                report_finding_page(f - 1, page, sizeof page));
    if (i + 1 < c->r->nfindings)
        fprintf(out, " · <a rel=\"next\" href=\"%s\">next ›</a>",
                report_finding_page(f + 1, page, sizeof page));
    fprintf(out, " <span class=\"when\">(%ld of %d)</span></p>\n", i + 1, c->r->nfindings);
}

bool report_write_finding(const report_ctx *c, const store_report_finding *f, char *err,
                          size_t errlen) {
    char name[256];
    report_finding_page(f, name, sizeof name);
    FILE *out = report_page_open(c, name, err, errlen);
    if (!out)
        return false;
    src_file sf;
    src_load(&sf, f->path, f->hash);
    char title[512];
    snprintf(title, sizeof title, "%s: %s:%d", f->check, f->file ? f->file : "?", f->line);
    report_page_begin(out, title, "");
    write_nav(out, c, f);
    fputs("<h1>", out);
    report_check_badge(out, f->check);
    fputc(' ', out);
    html_text(out, f->message);
    fputs("</h1>\n", out);
    write_meta(out, c, f);
    bool lines = (sf.state == SRC_OK || sf.state == SRC_UNVERIFIED) && f->line <= sf.nlines;
    write_path(out, f, lines);
    int first, last;
    write_source(out, &sf, f, &first, &last);
    report_graph_function(out, c, f, first, last);
    report_page_end(out, false);
    src_free(&sf);
    return report_page_close(c, out, name, err, errlen);
}
