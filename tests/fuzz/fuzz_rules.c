/* fuzz_rules.c: libFuzzer target for the rule-file parser (rules_parse.c,
 * rules_syntax.c, rules.c). Any input must be either accepted or refused
 * with a "name:line: reason" message; an accepted set must survive
 * rules_format_set and parse again to the same text (the format is the
 * parser's own: what refflow prints, refflow reads). Built only with
 * -DREFFLOW_FUZZ=ON (clang, -fsanitize=fuzzer,address,undefined). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules.h"

static char *formatted(const rule_set *rs) {
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    if (!m)
        abort();
    rules_format_set(rs, m);
    fclose(m);
    return buf;
}

static void check_message(const char *err, const char *name) {
    size_t n = strlen(name);
    if (strncmp(err, name, n) != 0 || err[n] != ':') {
        fprintf(stderr, "refused without naming the file: \"%s\"\n", err);
        abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    char *text = malloc(size + 1);
    memcpy(text, data, size);
    text[size] = '\0';
    rule_set *rs = rules_new();
    char err[512] = "";
    if (!rules_parse(rs, "fuzz.rules", text, err, sizeof err)) {
        check_message(err, "fuzz.rules");
    } else {
        char *once = formatted(rs);
        rule_set *again = rules_new();
        if (!rules_parse(again, "formatted.rules", once, err, sizeof err)) {
            fprintf(stderr, "formatted rules do not parse again: %s\n--- text\n%s", err, once);
            abort();
        }
        char *twice = formatted(again);
        if (strcmp(once, twice) != 0) {
            fprintf(stderr, "format/parse is not stable:\n--- once\n%s--- twice\n%s", once, twice);
            abort();
        }
        free(twice);
        free(once);
        rules_free(again);
    }
    rules_free(rs);
    free(text);
    return 0;
}
