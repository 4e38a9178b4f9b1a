/* report_text.c: findings in GCC/clang style, one finding then its path as
 * notes (format fixed by DESIGN.md), and the one-line summary. */
#include "cli.h"

static void print_loc(FILE *out, const ir_loc *l) {
    fprintf(out, "%s:%u:%u", l->file ? l->file : "<unknown>", l->line, l->col);
}

void report_text(FILE *out, const finding_list *l) {
    for (int i = 0; i < l->n; i++) {
        const finding *f = &l->items[i];
        print_loc(out, &f->loc);
        fprintf(out, ": %s: %s [refflow-%s]\n", f->severity, f->message, f->check);
        for (int k = 0; k < f->nnotes; k++) {
            print_loc(out, &f->notes[k].loc);
            fprintf(out, ": note: %s\n", f->notes[k].text);
        }
    }
}

void report_summary(FILE *out, const finding_list *l, int files, int skipped) {
    fprintf(out, "refflow: %d finding%s in %d file%s", l->n, l->n == 1 ? "" : "s", files,
            files == 1 ? "" : "s");
    const char *sep = " (";
    for (int c = 0; c < checks_count(); c++) {
        int n = 0;
        for (int i = 0; i < l->n; i++)
            n += l->items[i].check == checks_at(c)->id;
        if (n) {
            fprintf(out, "%s%s: %d", sep, checks_at(c)->id, n);
            sep = ", ";
        }
    }
    if (sep[0] == ',')
        fputc(')', out);
    if (skipped)
        fprintf(out, "; %d function%s skipped over budget", skipped, skipped == 1 ? "" : "s");
    fputc('\n', out);
}
