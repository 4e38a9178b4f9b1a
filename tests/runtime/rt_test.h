/* rt_test.h: a minimal test harness for the runtime's unit tests.
 *
 * Assumes: one test program per file; each test is a void function run by
 * RT_RUN; main ends with `return rt_finish();`, which also checks that the
 * heap is healthy (rf_debug_check_heap) and that no object is left alive.
 * A failed check prints file:line and the expression, and makes the
 * program exit non-zero; the run goes on to report every failure.
 */
#ifndef RT_TEST_H
#define RT_TEST_H

#include <rf.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int rt_failures;
static int rt_checks;

#define CHECK(cond)                                                                   \
    do {                                                                              \
        rt_checks++;                                                                  \
        if (!(cond)) {                                                                \
            rt_failures++;                                                            \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
        }                                                                             \
    } while (0)

#define CHECK_EQ(a, b)                                                                  \
    do {                                                                                \
        long long rt_a_ = (long long)(a), rt_b_ = (long long)(b);                       \
        rt_checks++;                                                                    \
        if (rt_a_ != rt_b_) {                                                           \
            rt_failures++;                                                              \
            fprintf(stderr, "%s:%d: CHECK_EQ failed: %s == %s (%lld != %lld)\n",        \
                    __FILE__, __LINE__, #a, #b, rt_a_, rt_b_);                          \
        }                                                                               \
    } while (0)

#define RT_RUN(fn)                                  \
    do {                                            \
        int rt_before_ = rt_failures;               \
        size_t rt_live_ = rf_heap_count();          \
        fn();                                       \
        CHECK_EQ(rf_heap_count(), rt_live_);        \
        CHECK_EQ(rf_debug_check_heap(), 0);         \
        fprintf(stderr, "%s %s\n", rt_failures == rt_before_ ? "ok  " : "FAIL", #fn); \
    } while (0)

/* A xorshift64 generator for the tests' random orders and sizes: the same
 * sequence in every run (rt_rng_seed picks another one). */
static inline uint64_t *rt_rng_state_(void)
{
    static uint64_t state = 88172645463325252ULL;
    return &state;
}

static inline void rt_rng_seed(uint64_t seed)
{
    *rt_rng_state_() = seed;
}

static inline uint64_t rt_rng(void)
{
    uint64_t *s = rt_rng_state_();
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

static inline int rt_finish(void)
{
    CHECK_EQ(rf_debug_check_heap(), 0);
    CHECK_EQ(rf_fini(), 0);
    fprintf(stderr, "%d checks, %d failed\n", rt_checks, rt_failures);
    return rt_failures == 0 ? 0 : 1;
}

#endif
