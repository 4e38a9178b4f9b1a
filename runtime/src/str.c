/* str.c: the built-in str type: an immutable byte string stored inline
 * after the header, NUL-terminated, with a cached hash.
 *
 * Assumes: objects come from rf_object_alloc_ (object_internal.h), which
 * accepts a size larger than the type's for the inline bytes.
 */
#include <string.h>

#include "builtins_internal.h"
#include "error_internal.h"
#include "object_internal.h"

rf_type rf_str_type = {
    .name = "str",
    .size = sizeof(rf_str),
};

rf_object *rf_str_new_len(const char *s, size_t len)
{
    if (s == NULL && len > 0) {
        rf_error_set_(RF_ERR_VALUE, "rf_str_new: NULL string");
        return NULL;
    }
    if (!(rf_str_type.flags & RF_TPFLAGS_READY) && rf_type_ready_(&rf_str_type) < 0)
        return NULL;
    rf_object *o = rf_object_alloc_(&rf_str_type, sizeof(rf_str) + len + 1);
    if (o == NULL)
        return NULL;
    rf_str *str = (rf_str *)o;
    str->len = len;
    if (len > 0)
        memcpy(str->data, s, len);
    str->data[len] = '\0';
    return o;
}

rf_object *rf_str_new(const char *s)
{
    if (s == NULL) {
        rf_error_set_(RF_ERR_VALUE, "rf_str_new: NULL string");
        return NULL;
    }
    return rf_str_new_len(s, strlen(s));
}

const char *rf_str_data(rf_object *o)
{
    if (o == NULL || !RF_STR_CHECK(o)) {
        rf_error_set_(RF_ERR_TYPE, "rf_str_data: not a str");
        return NULL;
    }
    return ((rf_str *)o)->data;
}

size_t rf_str_len(rf_object *o)
{
    if (o == NULL || !RF_STR_CHECK(o)) {
        rf_error_set_(RF_ERR_TYPE, "rf_str_len: not a str");
        return 0;
    }
    return ((rf_str *)o)->len;
}

uint64_t rf_str_hash_(rf_str *s)
{
    if (s->hash != 0)
        return s->hash;
    uint64_t h = 1469598103934665603ULL; /* FNV-1a */
    for (size_t i = 0; i < s->len; i++) {
        h ^= (unsigned char)s->data[i];
        h *= 1099511628211ULL;
    }
    s->hash = h ? h : 1;
    return s->hash;
}
