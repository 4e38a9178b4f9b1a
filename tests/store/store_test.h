/* store_test.h: assertion helpers and fixtures shared by the tests/store
 * programs. Failures are counted, printed as file:line, and turned into the
 * exit status by TEST_EXIT(). */
#ifndef REFFLOW_STORE_TEST_H
#define REFFLOW_STORE_TEST_H

#include <stdio.h>
#include <string.h>

static int test_failures;

#define CHECK(cond)                                                                  \
    do {                                                                             \
        if (!(cond)) {                                                               \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
            test_failures++;                                                         \
        }                                                                            \
    } while (0)

/* Checks a store call that takes (..., err, sizeof err). */
#define CHECK_OK(call, err)                                                                  \
    do {                                                                                     \
        (err)[0] = '\0';                                                                     \
        if (!(call)) {                                                                       \
            fprintf(stderr, "%s:%d: failed: %s: %s\n", __FILE__, __LINE__, #call, (err));   \
            test_failures++;                                                                 \
        }                                                                                    \
    } while (0)

#define CHECK_STR(got, want)                                                          \
    do {                                                                              \
        const char *g_ = (got), *w_ = (want);                                         \
        if (!g_ != !w_ || (g_ && strcmp(g_, w_) != 0)) {                              \
            fprintf(stderr, "%s:%d: got \"%s\"\n    want \"%s\"\n", __FILE__, __LINE__, \
                    g_ ? g_ : "(null)", w_ ? w_ : "(null)");                          \
            test_failures++;                                                          \
        }                                                                             \
    } while (0)

#define CHECK_INT(got, want)                                                                 \
    do {                                                                                     \
        long long g_ = (long long)(got), w_ = (long long)(want);                             \
        if (g_ != w_) {                                                                      \
            fprintf(stderr, "%s:%d: %s is %lld, want %lld\n", __FILE__, __LINE__, #got, g_, \
                    w_);                                                                     \
            test_failures++;                                                                 \
        }                                                                                    \
    } while (0)

#define TEST_EXIT()                                                     \
    do {                                                                \
        if (test_failures)                                              \
            fprintf(stderr, "%d check(s) failed\n", test_failures);     \
        return test_failures ? 1 : 0;                                   \
    } while (0)

#endif
