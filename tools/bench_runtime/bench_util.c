/* bench_util.c: clock, statistics, random numbers and the machine-info header.
 *
 * Assumes Linux: CLOCK_THREAD_CPUTIME_ID (the default clock: the benchmark's own CPU time,
 * user + system, so page faults count but time spent descheduled by other processes on a
 * shared machine does not) or CLOCK_MONOTONIC (--wall), /proc/cpuinfo, uname(2). Nothing here allocates
 * through the allocators under test except the libc calls of the header printer.
 */
#define _GNU_SOURCE
#include "bench.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

static clockid_t bench_clock = CLOCK_THREAD_CPUTIME_ID;

void bench_use_wall_clock(int wall)
{
    bench_clock = wall ? CLOCK_MONOTONIC : CLOCK_THREAD_CPUTIME_ID;
}

uint64_t bench_now_ns(void)
{
    struct timespec ts;
    clock_gettime(bench_clock, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

double bench_min(const double *v, int n)
{
    double m = NAN;
    for (int i = 0; i < n; i++)
        if (!isnan(v[i]) && (isnan(m) || v[i] < m))
            m = v[i];
    return m;
}

double bench_geomean(const double *v, int n)
{
    double logsum = 0;
    int k = 0;
    for (int i = 0; i < n; i++) {
        if (isnan(v[i]) || v[i] <= 0)
            continue;
        logsum += log(v[i]);
        k++;
    }
    return k ? exp(logsum / k) : NAN;
}

uint64_t bench_rand(uint64_t *state)
{
    uint64_t x = *state;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    *state = x;
    return x * 0x2545F4914F6CDD1DULL;
}

void bench_shuffle(void **v, size_t n, uint64_t seed)
{
    uint64_t st = seed ? seed : 1;
    for (size_t i = n; i > 1; i--) {
        size_t j = (size_t)(bench_rand(&st) % i);
        void *t = v[i - 1];
        v[i - 1] = v[j];
        v[j] = t;
    }
}

/* Copies the first "model name" of /proc/cpuinfo into buf. */
static void cpu_model(char *buf, size_t len)
{
    char line[512];
    FILE *f = fopen("/proc/cpuinfo", "r");
    snprintf(buf, len, "unknown");
    if (!f)
        return;
    while (fgets(line, sizeof line, f)) {
        char *colon = strchr(line, ':');
        if (strncmp(line, "model name", 10) != 0 || !colon)
            continue;
        snprintf(buf, len, "%s", colon + 2);
        buf[strcspn(buf, "\n")] = 0;
        break;
    }
    fclose(f);
}

/* The cost of one first-touch page fault: maps 16 MiB, writes one byte per 4 KiB page;
 * minimum of 3 tries, in ns per page. NaN if mmap fails. */
static double page_fault_ns(void)
{
    const size_t len = 16u << 20, page = 4096;
    double best = NAN;
    for (int t = 0; t < 3; t++) {
        char *m = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        uint64_t t0 = bench_now_ns();
        if (m == MAP_FAILED)
            return NAN;
        for (size_t i = 0; i < len; i += page)
            ((volatile char *)m)[i] = 1;
        double ns = (double)(bench_now_ns() - t0) / (double)(len / page);
        munmap(m, len);
        if (isnan(best) || ns < best)
            best = ns;
    }
    return best;
}

/* Prints /proc/loadavg: other processes on the machine make every number noisier. */
void bench_print_load(const char *when)
{
    char buf[128] = "unknown";
    FILE *f = fopen("/proc/loadavg", "r");
    if (f && fgets(buf, sizeof buf, f))
        buf[strcspn(buf, "\n")] = 0;
    if (f)
        fclose(f);
    printf("  load      %s: %s (/proc/loadavg; above ~1 on this machine means other work competed)\n",
           when, buf);
}

void bench_print_machine(const bench_config *cfg)
{
    char cpu[256], date[64];
    struct utsname u;
    time_t now = time(NULL);
    cpu_model(cpu, sizeof cpu);
    strftime(date, sizeof date, "%Y-%m-%d %H:%M:%S %Z", localtime(&now));
    uname(&u);
    printf("refflow runtime benchmark  %s\n", cfg->quick ? "(--quick: smoke run, numbers not meaningful)" : "");
    printf("  date      %s\n", date);
    printf("  cpu       %s, %ld online cpus\n", cpu, sysconf(_SC_NPROCESSORS_ONLN));
    printf("  system    %s %s %s\n", u.sysname, u.release, u.machine);
    printf("  compiler  gcc %s, %s\n", __VERSION__,
#ifdef __OPTIMIZE__
           "optimized"
#else
           "NOT optimized (numbers are meaningless)"
#endif
    );
    bench_print_load("at start");
    printf("  faults    one first-touch page fault (4 KiB) costs %.0f ns here\n", page_fault_ns());
    printf("  method    every cell: minimum of its runs (allocator LIFO %d, batch %d, each in 2 "
           "rounds, see 'runs'; collector %d); one thread\n",
           cfg->lifo_repeats, cfg->repeats, cfg->gc_repeats);
    printf("  clock     %s\n", bench_clock == CLOCK_MONOTONIC
           ? "wall time (CLOCK_MONOTONIC)"
           : "this thread's CPU time, user + system (CLOCK_THREAD_CPUTIME_ID); --wall for wall time");
}
