/* check_rf_rules.c: rules/rf.rules and the annotations in rf.h must say the
 * same thing. Parses rf_api_calls.c with the real front end, turns each
 * callee's annotate("refflow:...") attributes into a rule, and compares it
 * with the built-in rf rule of the same name (both printed in rule syntax).
 * Also fails if a rule in rf.rules was never called (no annotation seen),
 * so the two cannot drift apart silently.
 * usage: check_rf_rules FILE -- CLANG_ARGS... */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "frontend.h"
#include "rules.h"

typedef struct ctx {
    rule_set *rf, *annot;
    char seen[256][64];
    int nseen, bad;
} ctx;

static char *formatted(const rule_fn *r) {
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    rules_format(r, m);
    fclose(m);
    return buf;
}

static bool already_seen(ctx *c, const char *name) {
    for (int i = 0; i < c->nseen; i++)
        if (strcmp(c->seen[i], name) == 0)
            return true;
    if (c->nseen < 256)
        snprintf(c->seen[c->nseen++], 64, "%s", name);
    return false;
}

static void compare_callee(ctx *c, const ir_callee *callee) {
    if (!callee->name || callee->nannots == 0 || already_seen(c, callee->name))
        return;
    const rule_fn *from_annot = NULL, *from_rules = rules_lookup(c->rf, callee->name);
    char err[256];
    if (!rules_from_annotations(c->annot, callee->name, callee->annots, callee->nannots,
                                callee->nparams, "rf.h", 0, &from_annot, err, sizeof err)) {
        printf("FAIL %s: bad annotation: %s\n", callee->name, err);
        c->bad++;
        return;
    }
    if (!from_rules) {
        printf("FAIL %s: annotated in rf.h but has no rule in rf.rules\n", callee->name);
        c->bad++;
        return;
    }
    char *a = formatted(from_annot), *b = formatted(from_rules);
    if (strcmp(a, b) != 0) {
        printf("FAIL %s:\n  rf.h annotations: %s\n  rf.rules:         %s\n", callee->name, a, b);
        c->bad++;
    } else
        printf("ok   %s\n", b);
    free(a);
    free(b);
}

static void on_function(ir_function *fn, void *arg) {
    for (int b = 0; b < fn->nblocks; b++)
        for (int i = 0; i < fn->blocks[b].ninstrs; i++)
            if (fn->blocks[b].instrs[i].kind == IR_CALL)
                compare_callee(arg, &fn->blocks[b].instrs[i].callee);
}

static void check_all_rules_seen(ctx *c) {
    for (int i = 0; i < rules_count(c->rf); i++) {
        const rule_fn *r = rules_at(c->rf, i);
        bool seen = false;
        for (int k = 0; k < c->nseen && !seen; k++)
            seen = strcmp(c->seen[k], r->name) == 0;
        if (!seen) {
            printf("FAIL %s: in rf.rules (line %d) but no annotated call of it was seen\n",
                   r->name, r->line);
            c->bad++;
        }
    }
}

int main(int argc, char **argv) {
    if (argc < 3 || strcmp(argv[2], "--") != 0) {
        fprintf(stderr, "usage: check_rf_rules FILE -- CLANG_ARGS...\n");
        return 2;
    }
    ctx c = {.rf = rules_new(), .annot = rules_new()};
    char err[512];
    if (!rules_load_builtin(c.rf, "rf", err, sizeof err)) {
        fprintf(stderr, "%s\n", err);
        return 2;
    }
    fe_options fo = {.file = argv[1], .args = (const char *const *)argv + 3, .nargs = argc - 3,
                     .rules = c.rf, .diag = stderr, .keep_going = true};
    fe_result res;
    bool parsed = fe_run(&fo, on_function, &c, &res) && res.errors == 0;
    fe_result_free(&res);
    if (!parsed) {
        fprintf(stderr, "cannot parse %s cleanly: %s\n", argv[1], res.message);
        return 2;
    }
    check_all_rules_seen(&c);
    printf("%s: %d mismatch%s\n", c.bad ? "FAILED" : "ok", c.bad, c.bad == 1 ? "" : "es");
    rules_free(c.rf);
    rules_free(c.annot);
    return c.bad ? 1 : 0;
}
