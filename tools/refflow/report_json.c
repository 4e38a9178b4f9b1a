/* report_json.c: findings as JSON. The structure is stable and documented in
 * the README: {"version": 1, "findings": [{"check", "severity", "message",
 * "function", "symbol", "location": {"file", "line", "column"},
 * "path": [{"file", "line", "column", "message"}]}]}. */
#include "cli.h"

static void json_string(FILE *out, const char *s) {
    if (s)
        json_write_string(out, s);
    else
        fputs("null", out);
}

static void json_loc(FILE *out, const ir_loc *l) {
    fputs("\"file\": ", out);
    json_string(out, l->file);
    fprintf(out, ", \"line\": %u, \"column\": %u", l->line, l->col);
}

static void json_finding(FILE *out, const finding *f) {
    fputs("    {\"check\": ", out);
    json_string(out, f->check);
    fputs(", \"severity\": ", out);
    json_string(out, f->severity);
    fputs(", \"message\": ", out);
    json_string(out, f->message);
    fputs(", \"function\": ", out);
    json_string(out, f->function);
    fputs(", \"symbol\": ", out);
    json_string(out, f->symbol);
    fputs(",\n     \"location\": {", out);
    json_loc(out, &f->loc);
    fputs("},\n     \"path\": [", out);
    for (int k = 0; k < f->nnotes; k++) {
        fputs(k ? ",\n       {" : "\n       {", out);
        json_loc(out, &f->notes[k].loc);
        fputs(", \"message\": ", out);
        json_string(out, f->notes[k].text);
        fputc('}', out);
    }
    fputs("]}", out);
}

void report_json(FILE *out, const finding_list *l) {
    fputs("{\"version\": 1, \"tool\": \"refflow\", \"findings\": [\n", out);
    for (int i = 0; i < l->n; i++) {
        json_finding(out, &l->items[i]);
        fputs(i + 1 < l->n ? ",\n" : "\n", out);
    }
    fputs("]}\n", out);
}
