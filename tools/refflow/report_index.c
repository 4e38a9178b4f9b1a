/* report_index.c: index.html of the HTML report: the latest run, counts per
 * check and per file, and the findings table. The table is complete
 * without the script; the script (report_assets/report.js) adds sorting by
 * column and the filters (check, file, text, new only), whose state it
 * keeps in the URL (index.html#check=leak&q=foo, or ?check=leak). */
#include <string.h>

#include "checks.h"
#include "html.h"
#include "report.h"

/* --- the run ------------------------------------------------------------- */

static int count_new(const report_ctx *c) {
    int n = 0;
    for (int i = 0; i < c->r->nfindings; i++)
        n += report_is_new(c, &c->r->findings[i]);
    return n;
}

static void write_run(FILE *out, const report_ctx *c) {
    const store_report_run *u = c->latest;
    if (!u) {
        fputs("<p class=\"empty\" id=\"no-runs\">No runs yet: this database has no recorded "
              "<code>refflow check</code> run. Run <code>refflow check --db FILE "
              "SOURCES...</code>, then <code>refflow report</code> again.</p>\n",
              out);
        return;
    }
    fputs("<section class=\"run\"><h2>Latest run</h2><dl>", out);
    fputs("<dt>Run</dt><dd>", out);
    html_printf(out, "#%lld, %s", (long long)u->id, u->status ? u->status : "");
    fputs("</dd><dt>Started</dt><dd>", out);
    report_time(out, u->started);
    fputs("</dd><dt>Finished</dt><dd>", out);
    report_time(out, u->finished);
    fputs("</dd><dt>Command</dt><dd><code>", out);
    html_text(out, u->command);
    fputs("</code></dd><dt>Units</dt><dd>", out);
    html_printf(out, "%lld analyzed, %lld unchanged (findings reused)",
                (long long)u->tus_analyzed, (long long)u->tus_reused);
    if (c->common_dir[0]) {
        fputs("</dd><dt>Files</dt><dd id=\"common-dir\">under <code>", out);
        html_text(out, c->common_dir);
        fputs("</code> (the paths below are relative to it)", out);
    }
    fputs("</dd><dt>Findings</dt><dd>", out);
    fprintf(out, "<span id=\"total\">%d</span>", c->r->nfindings);
    if (c->previous_run)
        fprintf(out, ", <span id=\"new-count\">%d</span> new since run #%lld", count_new(c),
                (long long)c->previous_run);
    else
        fputs(" (the first run: nothing to compare with)", out);
    fputs("</dd></dl>", out);
    if (u->status && strcmp(u->status, "running") == 0)
        fputs("<p class=\"warn\" id=\"run-running\">This run had not finished when the report "
              "was written (it is still going, or it was killed): units it had not reached yet "
              "show their findings from earlier runs.</p>",
              out);
    fputs("</section>\n", out);
}

/* --- counts -------------------------------------------------------------- */

static int count_check(const store_report *r, const char *check) {
    int n = 0;
    for (int i = 0; i < r->nfindings; i++)
        n += strcmp(r->findings[i].check, check) == 0;
    return n;
}

/* A row linking to the index filtered on key=value, showing label. */
static void count_row(FILE *out, const char *key, const char *value, const char *label, int n,
                      const char *title) {
    fprintf(out, "<tr%s><td><a href=\"index.html#%s=", n ? "" : " class=\"zero\"", key);
    html_url(out, value);
    fputs("\"", out);
    if (title) {
        fputs(" title=\"", out);
        html_text(out, title);
        fputs("\"", out);
    }
    fputs(">", out);
    html_text(out, label);
    fprintf(out, "</a></td><td class=\"num\">%d</td></tr>\n", n);
}

/* Registry checks first (all of them, zeros too), then any other check ID
 * the database holds. */
static void write_check_counts(FILE *out, const store_report *r) {
    fputs("<table class=\"counts\" id=\"by-check\"><caption>Per check</caption>"
          "<thead><tr><th>Check</th><th class=\"num\">Findings</th></tr></thead><tbody>\n",
          out);
    for (int i = 0; i < checks_count(); i++)
        count_row(out, "check", checks_at(i)->id, checks_at(i)->id,
                  count_check(r, checks_at(i)->id), checks_at(i)->summary);
    for (int i = 0; i < r->nfindings; i++) {
        const char *id = r->findings[i].check;
        bool seen = checks_find(id) != NULL;
        for (int j = 0; j < i && !seen; j++)
            seen = strcmp(r->findings[j].check, id) == 0;
        if (!seen)
            count_row(out, "check", id, id, count_check(r, id), NULL);
    }
    fputs("</tbody></table>\n", out);
}

static const char *file_of(const store_report_finding *f) {
    return f->file ? f->file : "(no file)";
}

/* Findings are sorted by file: one row per run of equal files. */
static void write_file_counts(FILE *out, const report_ctx *c) {
    const store_report *r = c->r;
    fputs("<table class=\"counts\" id=\"by-file\"><caption>Per file</caption>"
          "<thead><tr><th>File</th><th class=\"num\">Findings</th></tr></thead><tbody>\n",
          out);
    for (int i = 0, j; i < r->nfindings; i = j) {
        for (j = i + 1; j < r->nfindings && strcmp(file_of(&r->findings[i]),
                                                   file_of(&r->findings[j])) == 0;)
            j++;
        count_row(out, "file", file_of(&r->findings[i]),
                  report_short_file(c, file_of(&r->findings[i])), j - i, file_of(&r->findings[i]));
    }
    if (r->nfindings == 0)
        fputs("<tr class=\"zero\"><td colspan=\"2\">none</td></tr>\n", out);
    fputs("</tbody></table>\n", out);
}

/* --- the table ----------------------------------------------------------- */

static void write_filters(FILE *out) {
    fputs("<form class=\"filters\" id=\"filters\" hidden>\n"
          "<label>Check <select id=\"f-check\"><option value=\"\">all</option></select></label>\n"
          "<label>File <select id=\"f-file\"><option value=\"\">all</option></select></label>\n"
          "<label>Search <input type=\"search\" id=\"f-q\" placeholder=\"function, message, "
          "symbol…\"></label>\n"
          "<label><input type=\"checkbox\" id=\"f-new\"> new only</label>\n"
          "<output id=\"shown\"></output>\n</form>\n",
          out);
}

static void write_head(FILE *out) {
    static const char *const cols[][3] = {
        {"check", "Check", "text"},    {"severity", "Severity", "text"},
        {"location", "Location", "text"}, {"function", "Function", "text"},
        {"message", "Message", "text"}, {"first", "First seen", "num"},
    };
    fputs("<thead><tr>", out);
    for (size_t i = 0; i < sizeof cols / sizeof cols[0]; i++)
        fprintf(out, "<th data-key=\"%s\" data-type=\"%s\">%s</th>", cols[i][0], cols[i][2],
                cols[i][1]);
    fputs("</tr></thead>\n", out);
}

/* The path with a line-break opportunity after each '/'. */
static void write_breakable_path(FILE *out, const char *path) {
    const char *slash;
    while ((slash = strchr(path, '/')) != NULL) {
        html_textn(out, path, (size_t)(slash - path) + 1);
        fputs("<wbr>", out);
        path = slash + 1;
    }
    html_text(out, path);
}

static void write_row(FILE *out, const report_ctx *c, const store_report_finding *f) {
    char page[256];
    bool fresh = report_is_new(c, f);
    fputs("<tr data-check=\"", out);
    html_text(out, f->check);
    fputs("\" data-file=\"", out);
    html_text(out, file_of(f));
    fprintf(out, "\" data-new=\"%d\">", fresh);
    fputs("<td>", out);
    report_check_badge(out, f->check);
    fputs("</td><td class=\"sev-", out);
    html_text(out, f->severity);
    fputs("\">", out);
    html_text(out, f->severity);
    fputs("</td><td data-sort=\"", out);
    html_printf(out, "%s:%09d:%09d", file_of(f), f->line, f->col);
    fprintf(out, "\"><a href=\"%s\">", report_finding_page(f, page, sizeof page));
    write_breakable_path(out, report_short_file(c, file_of(f)));
    fprintf(out, ":%d:%d</a></td><td><code>", f->line, f->col);
    html_text(out, f->function);
    fputs("</code></td><td>", out);
    html_text(out, f->message);
    fprintf(out, "</td><td data-sort=\"%lld\">", (long long)f->first_run);
    report_run_label(out, c, f->first_run);
    if (fresh)
        fputs(" <span class=\"new\">new</span>", out);
    fputs("</td></tr>\n", out);
}

static void write_table(FILE *out, const report_ctx *c) {
    if (c->latest && c->r->nfindings == 0) {
        fputs("<p class=\"empty\" id=\"no-findings\">No findings: the latest analysis of "
              "every translation unit in the database reported nothing.</p>\n",
              out);
        return;
    }
    if (!c->latest)
        return;
    write_filters(out);
    fputs("<div class=\"table-wrap\"><table class=\"findings\" id=\"findings\" "
          "data-common-dir=\"",
          out);
    html_text(out, c->common_dir);
    fputs("\">\n", out);
    write_head(out);
    fputs("<tbody>\n", out);
    for (int i = 0; i < c->r->nfindings; i++)
        write_row(out, c, &c->r->findings[i]);
    fputs("</tbody>\n</table></div>\n", out);
}

bool report_write_index(const report_ctx *c, char *err, size_t errlen) {
    FILE *out = report_page_open(c, "index.html", err, errlen);
    if (!out)
        return false;
    report_page_begin(out, "refflow report", "index");
    fputs("<h1>Findings</h1>\n", out);
    write_run(out, c);
    if (c->latest) {
        fputs("<div class=\"count-tables\">\n", out);
        write_check_counts(out, c->r);
        write_file_counts(out, c);
        fputs("</div>\n", out);
    }
    write_table(out, c);
    report_page_end(out, c->r->nfindings > 0);
    return report_page_close(c, out, "index.html", err, errlen);
}
