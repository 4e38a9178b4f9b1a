/* input_file.h: opening the files refflow reads whole as its input (rule
 * files, compile databases, baselines).
 *
 * Only regular files and pipes are read: a directory, a device (/dev/zero
 * never ends, a terminal waits for a user) or a socket is refused before
 * anything is read, so a wrong path on the command line is a message, never
 * a hang or an allocation without bound. Pipes stay allowed for
 * `--rules <(generate-rules)`.
 */
#ifndef REFFLOW_INPUT_FILE_H
#define REFFLOW_INPUT_FILE_H

#include <stdio.h>

/* fopen(path, mode) for reading, or NULL with *why set to a static
 * explanation (strerror's, or "not a regular file or a pipe"). The caller
 * closes the file. */
FILE *input_open(const char *path, const char *mode, const char **why);

#endif
