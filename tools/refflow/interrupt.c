/* interrupt.c: recording SIGINT/SIGTERM for `refflow check` (see
 * interrupt.h). Assumes one check run per process at a time. */
#include "interrupt.h"

#include <signal.h>
#include <string.h>

static volatile sig_atomic_t received;
static struct sigaction old_int, old_term;

static void on_signal(int sig) {
    if (received == sig) { /* the second one: the default action, now */
        signal(sig, SIG_DFL);
        raise(sig);
        return;
    }
    received = sig;
}

void interrupt_install(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sa.sa_flags = SA_RESTART;
    sigemptyset(&sa.sa_mask);
    received = 0;
    sigaction(SIGINT, &sa, &old_int);
    sigaction(SIGTERM, &sa, &old_term);
}

void interrupt_uninstall(void) {
    sigaction(SIGINT, &old_int, NULL);
    sigaction(SIGTERM, &old_term, NULL);
}

int interrupt_signal(void) {
    return received;
}

int interrupt_exit_status(void) {
    return received ? 128 + received : 0;
}
