/* report_sarif.c: findings as SARIF 2.1.0, the form GitHub code scanning
 * (github/codeql-action/upload-sarif) and other CI dashboards read.
 *
 * One run. tool.driver carries one rule per check of the registry (IDs,
 * summaries and help text come from checks.h, never retyped). Each result
 * names its rule (ruleId, ruleIndex), its level (the finding's severity),
 * the message, the primary location (repo-relative URI against %SRCROOT%,
 * the source root, also given absolutely in originalUriBaseIds), the
 * function as a logical location, the fingerprint (fingerprint.h) as
 * partialFingerprints["refflowFingerprint/v1"], and the path as a code flow:
 * one threadFlowLocation per note, with SARIF "kinds" derived from the note
 * text (note_kinds below). With --list-suppressed, suppressed findings are
 * results too, with an inSource suppression and its justification.
 *
 * Columns are clang's (bytes); SARIF's default column kind counts UTF-16
 * units, which is the same for ASCII lines. Output is valid UTF-8: invalid
 * bytes in messages become U+FFFD.
 */
#include <stdlib.h>
#include <string.h>

#include "baseline.h"
#include "cli.h"

#ifndef REFFLOW_VERSION
#define REFFLOW_VERSION "0.0.0"
#endif
#ifndef REFFLOW_HOMEPAGE
#define REFFLOW_HOMEPAGE "https://github.com/refflow/refflow"
#endif

#define SARIF_SCHEMA "https://json.schemastore.org/sarif-2.1.0.json"
#define FP_KEY "refflowFingerprint/v1"

/* SARIF threadFlowLocation kinds for a note, by a phrase of its text (the
 * notes come from engine*.c and check_*.c); the first match wins. */
static const struct {
    const char *phrase;
    const char *kinds[2];
} note_kinds[] = {
    {"acquired here", {"acquire"}},
    {"obtained here", {"acquire"}},
    {"is taken here", {"acquire"}},
    {"is stolen here", {"release", "call"}},
    {"stored away here", {"release"}},
    {"given away here", {"release"}},
    {"released here", {"release"}},
    {"taking the true branch", {"branch", "true"}},
    {"taking the false branch", {"branch", "false"}},
    {"fails and returns NULL", {"branch", "false"}},
    {"is lost on return", {"exit", "return"}},
    {"goes out of scope", {"exit", "scope"}},
    {"at the end of the function", {"exit"}},
    {"is overwritten", {"value"}},
    {"never stored or released", {"value"}},
    {"returned without", {"return"}},
    {"after release", {"use"}},
    {"while NULL", {"use"}},
};


static void put_kinds(FILE *out, const char *note) {
    for (size_t i = 0; i < sizeof note_kinds / sizeof note_kinds[0]; i++) {
        if (!note || !strstr(note, note_kinds[i].phrase))
            continue;
        fputs(", \"kinds\": [", out);
        for (int k = 0; k < 2 && note_kinds[i].kinds[k]; k++) {
            fputs(k ? ", " : "", out);
            json_write_string(out, note_kinds[i].kinds[k]);
        }
        fputc(']', out);
        return;
    }
}

/* --- JSON text --- */

/* A path as a URI reference: unreserved characters and '/' as they are,
 * everything else percent-encoded. */
static void put_uri_path(FILE *out, const char *path) {
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
            strchr("-._~/", *p))
            fputc(*p, out);
        else
            fprintf(out, "%%%02X", *p);
    }
}

/* --- the run --- */

/* "over-release" -> "OverRelease": the rule's friendly name. */
static void put_rule_name(FILE *out, const char *id) {
    fputc('"', out);
    for (bool up = true; *id; id++) {
        if (*id == '-') {
            up = true;
            continue;
        }
        fputc(up && *id >= 'a' && *id <= 'z' ? *id - 'a' + 'A' : *id, out);
        up = false;
    }
    fputc('"', out);
}

static void put_rule(FILE *out, const check_info *c) {
    fputs("          {\"id\": ", out);
    json_write_string(out, c->id);
    fputs(", \"name\": ", out);
    put_rule_name(out, c->id);
    fputs(",\n           \"shortDescription\": {\"text\": ", out);
    json_write_string(out, c->summary);
    fputs("},\n           \"fullDescription\": {\"text\": ", out);
    json_write_string(out, c->help);
    fputs("},\n           \"help\": {\"text\": ", out);
    json_write_string(out, c->help);
    fputs("},\n           \"defaultConfiguration\": {\"level\": \"warning\"},\n"
          "           \"properties\": {\"tags\": [\"reference-counting\", \"memory\"]}}",
          out);
}

static void put_driver(FILE *out) {
    fputs("      \"tool\": {\"driver\": {\n"
          "        \"name\": \"refflow\",\n"
          "        \"version\": \"" REFFLOW_VERSION "\",\n"
          "        \"semanticVersion\": \"" REFFLOW_VERSION "\",\n"
          "        \"informationUri\": \"" REFFLOW_HOMEPAGE "\",\n"
          "        \"rules\": [\n",
          out);
    for (int i = 0; i < checks_count(); i++) {
        put_rule(out, checks_at(i));
        fputs(i + 1 < checks_count() ? ",\n" : "\n", out);
    }
    fputs("        ]}},\n", out);
}

/* originalUriBaseIds: %SRCROOT% as an absolute file URI ending in '/'. */
static void put_base_ids(FILE *out, const char *root) {
    char *abs = realpath(root ? root : ".", NULL);
    if (!abs)
        return;
    fputs("      \"originalUriBaseIds\": {\"%SRCROOT%\": {\"uri\": \"file://", out);
    put_uri_path(out, abs);
    fputs(strcmp(abs, "/") ? "/\"}},\n" : "\"}},\n", out);
    free(abs);
}

/* "physicalLocation": {...} (the caller writes the enclosing braces). */
static void put_physical(FILE *out, const ir_loc *l, const char *root) {
    char *rel = fp_relpath(l->file, root);
    fputs("\"physicalLocation\": {\"artifactLocation\": {\"uri\": \"", out);
    if (rel[0] == '/') {
        fputs("file://", out);
        put_uri_path(out, rel);
        fputs("\"}", out);
    } else {
        put_uri_path(out, rel);
        fputs("\", \"uriBaseId\": \"%SRCROOT%\"}", out);
    }
    if (l->line > 0) {
        fprintf(out, ", \"region\": {\"startLine\": %u", l->line);
        if (l->col > 0)
            fprintf(out, ", \"startColumn\": %u", l->col);
        fputc('}', out);
    }
    fputc('}', out);
    free(rel);
}

static void put_code_flow(FILE *out, const finding *f, const char *root) {
    if (f->nnotes == 0)
        return;
    fputs(",\n         \"codeFlows\": [{\"threadFlows\": [{\"locations\": [", out);
    for (int k = 0; k < f->nnotes; k++) {
        fputs(k ? ",\n           {\"location\": {" : "\n           {\"location\": {", out);
        put_physical(out, &f->notes[k].loc, root);
        fputs(",\n              \"message\": {\"text\": ", out);
        json_write_string(out, f->notes[k].text);
        fputs("}}", out);
        put_kinds(out, f->notes[k].text);
        fputc('}', out);
    }
    fputs("]}]}]", out);
}

static int rule_index(const char *id) {
    for (int i = 0; i < checks_count(); i++)
        if (strcmp(checks_at(i)->id, id) == 0)
            return i;
    return -1;
}

static const char *level(const finding *f) {
    if (strcmp(f->severity, "error") == 0)
        return "error";
    return strcmp(f->severity, "note") == 0 ? "note" : "warning";
}

static void put_result(FILE *out, const finding *f, uint64_t fp, const char *root,
                       const suppression *sup) {
    char hex[FP_HEX_LEN + 1];
    fputs("        {\"ruleId\": ", out);
    json_write_string(out, f->check);
    int ri = rule_index(f->check);
    if (ri >= 0)
        fprintf(out, ", \"ruleIndex\": %d", ri);
    fprintf(out, ", \"level\": \"%s\",\n         \"message\": {\"text\": ", level(f));
    json_write_string(out, f->message);
    fputs("},\n         \"locations\": [{", out);
    put_physical(out, &f->loc, root);
    if (f->function) {
        fputs(",\n           \"logicalLocations\": [{\"name\": ", out);
        json_write_string(out, f->function);
        fputs(", \"kind\": \"function\"}]", out);
    }
    fputs("}],\n", out);
    fprintf(out, "         \"partialFingerprints\": {\"" FP_KEY "\": \"%s\"}", fp_format(fp, hex));
    put_code_flow(out, f, root);
    if (sup) {
        fputs(",\n         \"suppressions\": [{\"kind\": \"inSource\", \"justification\": ", out);
        json_write_string(out, sup->reason);
        fputs("}]", out);
    }
    fputc('}', out);
}

void report_sarif(FILE *out, const struct ci_findings *cf, bool with_suppressed) {
    fputs("{\n  \"$schema\": \"" SARIF_SCHEMA "\",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n"
          "    {\n",
          out);
    put_driver(out);
    put_base_ids(out, cf->source_root);
    fputs("      \"results\": [", out);
    const char *sep = "\n";
    for (int i = 0; i < cf->all->n; i++) {
        const suppression *sup = cf->sup.by_finding[i];
        if (cf->known[i] || (sup && !with_suppressed))
            continue;
        fputs(sep, out);
        put_result(out, &cf->all->items[i], cf->fp[i], cf->source_root, sup);
        sep = ",\n";
    }
    fputs("\n      ]\n    }\n  ]\n}\n", out);
}
