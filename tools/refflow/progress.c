/* progress.c: the progress line of `refflow check` (see progress.h). The
 * diag stream is a glibc cookie stream whose writes go to stderr under the
 * display's mutex. */
#define _GNU_SOURCE
#include "progress.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#define CLEAR_LINE "\r\033[K"

struct progress {
    bool active;
    int total, started;
    int width;              /* terminal columns */
    char text[512];         /* what the line shows now */
    bool shown;             /* text is on the screen */
    bool mid_message;       /* a diag message has not ended its line yet */
    FILE *diag;
    pthread_mutex_t lock;
};

static void draw(progress *p) {
    if (p->mid_message || !p->text[0])
        return;
    fputs(CLEAR_LINE, stderr);
    fputs(p->text, stderr);
    fflush(stderr);
    p->shown = true;
}

static void clear(progress *p) {
    if (!p->shown)
        return;
    fputs(CLEAR_LINE, stderr);
    fflush(stderr);
    p->shown = false;
}

static ssize_t diag_write(void *cookie, const char *buf, size_t n) {
    progress *p = cookie;
    pthread_mutex_lock(&p->lock);
    clear(p);
    fwrite(buf, 1, n, stderr);
    p->mid_message = n > 0 && buf[n - 1] != '\n';
    draw(p);
    pthread_mutex_unlock(&p->lock);
    return (ssize_t)n;
}

static int terminal_width(void) {
    struct winsize ws;
    if (ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 8)
        return ws.ws_col;
    return 80;
}

progress *progress_new(int total, bool enabled) {
    progress *p = calloc(1, sizeof *p);
    if (!p)
        abort();
    p->total = total;
    p->active = enabled && isatty(STDERR_FILENO);
    p->diag = stderr;
    if (!p->active)
        return p;
    p->width = terminal_width();
    pthread_mutex_init(&p->lock, NULL);
    cookie_io_functions_t io = {.write = diag_write};
    FILE *f = fopencookie(p, "w", io);
    if (f) {
        setvbuf(f, NULL, _IOLBF, BUFSIZ);
        p->diag = f;
    }
    return p;
}

/* "[i/n] label", keeping the end of a label too long for the terminal. */
static void format_line(progress *p, const char *label) {
    char head[32];
    int hn = snprintf(head, sizeof head, "[%d/%d] ", p->started, p->total);
    int room = p->width - 1 - hn;
    if (room > (int)sizeof p->text - hn - 1)
        room = (int)sizeof p->text - hn - 1;
    int len = (int)strlen(label);
    if (room < 4)
        snprintf(p->text, sizeof p->text, "%s", head);
    else if (len <= room)
        snprintf(p->text, sizeof p->text, "%s%s", head, label);
    else
        snprintf(p->text, sizeof p->text, "%s...%s", head, label + len - (room - 3));
}

void progress_step(progress *p, const char *label) {
    if (!p->active)
        return;
    pthread_mutex_lock(&p->lock);
    p->started++;
    format_line(p, label ? label : "");
    draw(p);
    pthread_mutex_unlock(&p->lock);
}

FILE *progress_diag(progress *p) {
    return p->diag;
}

void progress_free(progress *p) {
    if (!p)
        return;
    if (p->active) {
        if (p->diag != stderr)
            fclose(p->diag); /* flushes through diag_write: before taking the lock */
        pthread_mutex_lock(&p->lock);
        clear(p);
        if (p->mid_message)
            fputc('\n', stderr);
        pthread_mutex_unlock(&p->lock);
        pthread_mutex_destroy(&p->lock);
    }
    free(p);
}
