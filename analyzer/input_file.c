/* input_file.c: opening input files, refusing what reading would never
 * finish (see input_file.h). Assumes POSIX fstat. */
#include "input_file.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

FILE *input_open(const char *path, const char *mode, const char **why) {
    FILE *f = fopen(path, mode);
    if (!f) {
        *why = strerror(errno);
        return NULL;
    }
    struct stat st;
    if (fstat(fileno(f), &st) != 0) {
        *why = strerror(errno);
        fclose(f);
        return NULL;
    }
    if (!S_ISREG(st.st_mode) && !S_ISFIFO(st.st_mode)) {
        *why = S_ISDIR(st.st_mode) ? "is a directory" : "not a regular file or a pipe";
        fclose(f);
        return NULL;
    }
    return f;
}
