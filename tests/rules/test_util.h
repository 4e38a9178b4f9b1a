/* test_util.h: the few assertion helpers the tests/rules programs share.
 * Assumes one test program per process; failures are counted, printed as
 * file:line, and turned into the exit status by TEST_EXIT(). */
#ifndef REFFLOW_TEST_UTIL_H
#define REFFLOW_TEST_UTIL_H

#include <stdio.h>
#include <string.h>

static int test_failures;

#define CHECK(cond)                                                          \
    do {                                                                     \
        if (!(cond)) {                                                       \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
            test_failures++;                                                 \
        }                                                                    \
    } while (0)

#define CHECK_STR(got, want)                                                 \
    do {                                                                     \
        const char *g_ = (got), *w_ = (want);                                \
        if (!g_ || !w_ || strcmp(g_, w_) != 0) {                             \
            fprintf(stderr, "%s:%d: got \"%s\"\n    want \"%s\"\n", __FILE__, \
                    __LINE__, g_ ? g_ : "(null)", w_ ? w_ : "(null)");       \
            test_failures++;                                                 \
        }                                                                    \
    } while (0)

#define TEST_EXIT()                                                          \
    do {                                                                     \
        if (test_failures)                                                   \
            fprintf(stderr, "%d check(s) failed\n", test_failures);          \
        return test_failures ? 1 : 0;                                        \
    } while (0)

#endif
