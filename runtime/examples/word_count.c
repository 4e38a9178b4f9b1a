/* word_count.c: example: counting words with a map from str to int, with
 * every error path releasing what it owns.
 *
 * Assumes: the rf runtime (<rf.h>). Reads words (whitespace-separated)
 * from the command line arguments, prints "word count" lines.
 */
#include <rf.h>
#include <stdio.h>

/* Adds one to counts[word]. 0 on success, -1 on failure. */
RF_STATUS static int count_word(rf_object *counts, const char *word)
{
    rf_object *key = rf_str_new(word);
    if (key == NULL)
        return -1;
    rf_object *old = rf_map_get(counts, key);
    long n = old != NULL ? rf_int_value(old) : 0;
    rf_error_clear();
    rf_object *value = rf_int_new(n + 1);
    if (value == NULL) {
        RF_DECREF(key);
        return -1;
    }
    int status = rf_map_set(counts, key, value);
    RF_DECREF(key);
    RF_DECREF(value);
    return status;
}

static void print_counts(rf_object *counts)
{
    size_t pos = 0;
    rf_object *key = NULL, *value = NULL;
    while (rf_map_next(counts, &pos, &key, &value))
        printf("%s %ld\n", rf_str_data(key), rf_int_value(value));
}

int main(int argc, char **argv)
{
    rf_object *counts = rf_map_new();
    if (counts == NULL)
        return 1;
    for (int i = 1; i < argc; i++) {
        if (count_word(counts, argv[i]) < 0) {
            fprintf(stderr, "error: %s\n", rf_error_message());
            RF_DECREF(counts);
            return 1;
        }
    }
    print_counts(counts);
    RF_DECREF(counts);
    return rf_fini() == 0 ? 0 : 1;
}
