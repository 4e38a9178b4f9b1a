/* rules_builtin.c: loading the rule sets embedded in the binary (see
 * rules_embedded.h). A built-in set parses under the name
 * "builtin/NAME.rules", so its messages and rule_fn.file say where it is
 * from. */
#include "rules_embedded.h"
#include "rules_internal.h"

#include <string.h>

const char *const *rules_builtin_names(void) {
    return rules_embedded_names;
}

bool rules_load_builtin(rule_set *rs, const char *setname, char *err, size_t errlen) {
    for (int i = 0; rules_embedded_names[i]; i++) {
        if (strcmp(rules_embedded_names[i], setname) != 0)
            continue;
        char name[256];
        snprintf(name, sizeof name, "builtin/%s.rules", setname);
        return rules_parse(rs, name, rules_embedded_texts[i], err, errlen);
    }
    if (err && errlen) {
        int n = snprintf(err, errlen, "no built-in rule set '%s' (built-in:", setname);
        for (int i = 0; rules_embedded_names[i] && n > 0 && (size_t)n < errlen; i++)
            n += snprintf(err + n, errlen - (size_t)n, " %s", rules_embedded_names[i]);
        if (n > 0 && (size_t)n < errlen)
            snprintf(err + n, errlen - (size_t)n, ")");
    }
    return false;
}
