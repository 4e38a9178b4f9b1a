/* interrupt.h: Ctrl-C (SIGINT) and SIGTERM during `refflow check`. The
 * handlers only record the signal; the run polls interrupt_signal() to stop
 * taking new translation units and to cut the unit in flight short between
 * two functions (that unit is abandoned, never half-stored). A second signal
 * of the same kind restores the default action, so a run that does not stop
 * soon enough can still be killed (the database then keeps what its last
 * committed transaction left: one transaction per unit). */
#ifndef REFFLOW_INTERRUPT_H
#define REFFLOW_INTERRUPT_H

#include <stdbool.h>

/* Installs the handlers for SIGINT and SIGTERM (SA_RESTART). */
void interrupt_install(void);
/* Restores the previous handlers. */
void interrupt_uninstall(void);
/* The signal received since interrupt_install, or 0. Async-signal-safe. */
int interrupt_signal(void);
/* The exit status for an interrupted run: 128 + the signal (130 for SIGINT). */
int interrupt_exit_status(void);

#endif
