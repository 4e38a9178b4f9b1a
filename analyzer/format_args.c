/* format_args.c: what the variadic arguments of Py_BuildValue-style
 * ("build") and PyArg_ParseTuple-style ("parse") calls do, read from the
 * format string. Build: 'N' steals (NULL allowed: the call fails cleanly),
 * 'O'/'S' borrow; parse: 'O', 'S', 'U', 'Y' store a borrowed reference into
 * the pointed-to variable. Every other unit consumes its arguments without
 * reference effects. Unknown characters consume one argument. */
#include <string.h>

#include "engine_internal.h"

static int put(rule_param *out, int n, int max, rule_arg e, bool nullable) {
    if (n < max)
        out[n] = (rule_param){e, nullable};
    return n + 1;
}

static int build_unit(const char **pp, rule_param *out, int n, int max) {
    const char *p = *pp;
    char ch = *p++;
    switch (ch) {
    case 'N': n = put(out, n, max, RULE_ARG_STEAL, true); break;
    case 'O':
    case 'S':
        if (*p == '&') { /* converter, value */
            p++;
            n = put(out, n, max, RULE_ARG_IGNORE, true);
            n = put(out, n, max, RULE_ARG_IGNORE, true);
        } else
            n = put(out, n, max, RULE_ARG_BORROW, true);
        break;
    default:
        n = put(out, n, max, RULE_ARG_IGNORE, true);
        if (*p == '#') {
            p++;
            n = put(out, n, max, RULE_ARG_IGNORE, true);
        }
        break;
    }
    *pp = p;
    return n;
}

static int parse_unit(const char **pp, rule_param *out, int n, int max) {
    const char *p = *pp;
    char ch = *p++;
    if (ch == 'O' && *p == '!') { /* type object, output */
        p++;
        n = put(out, n, max, RULE_ARG_IGNORE, true);
        n = put(out, n, max, RULE_ARG_OUT_BORROWED, true);
    } else if (ch == 'O' && *p == '&') { /* converter, its output: unknown */
        p++;
        n = put(out, n, max, RULE_ARG_IGNORE, true);
        n = put(out, n, max, RULE_ARG_IGNORE, true);
    } else if (ch == 'O' || ch == 'S' || ch == 'U' || ch == 'Y') {
        n = put(out, n, max, RULE_ARG_OUT_BORROWED, true);
    } else {
        if (ch == 'e') { /* es, et, es#, et#: encoding, buffer[, length] */
            n = put(out, n, max, RULE_ARG_IGNORE, true);
            if (*p)
                p++;
        }
        n = put(out, n, max, RULE_ARG_IGNORE, true);
        if (*p == '*' || *p == '!')
            p++;
        if (*p == '#') {
            p++;
            n = put(out, n, max, RULE_ARG_IGNORE, true);
        }
    }
    *pp = p;
    return n;
}

int format_effects(rule_varargs kind, const char *fmt, rule_param *out, int max) {
    int n = 0;
    const char *p = fmt ? fmt : "";
    while (*p) {
        if (kind == RULE_VA_PARSE && (*p == ':' || *p == ';'))
            break; /* the rest is the function name or an error message */
        if (strchr("()[]{},: \t\n|$", *p)) {
            p++;
            continue;
        }
        n = kind == RULE_VA_BUILD ? build_unit(&p, out, n, max) : parse_unit(&p, out, n, max);
    }
    return n < max ? n : max;
}
