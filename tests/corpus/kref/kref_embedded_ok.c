/* kref_embedded_ok.c: the kernel's kref idiom produces no finding.
 * kref_get/kref_put act on "&obj->refcount", the address of a field; the
 * engine cannot tie that count to `obj` (rules/kref.rules explains why
 * struct kref is not declared a type), so these calls are recorded as
 * having no reference effect. This file guards against false positives;
 * there is no _bug twin, because a kref leak is not detectable this way. */
#include "kernel_refs.h"

struct acme_buf {
    struct kref refcount;
    size_t len;
    void *data;
};

static void acme_buf_release(struct kref *kref)
{
    struct acme_buf *buf = container_of(kref, struct acme_buf, refcount);
    kfree(buf->data);
    kfree(buf);
}

struct acme_buf *acme_buf_new(size_t len)
{
    struct acme_buf *buf = kzalloc(sizeof *buf, GFP_KERNEL);
    if (!buf)
        return NULL;
    kref_init(&buf->refcount);
    buf->len = len;
    return buf;
}

struct acme_buf *acme_buf_get(struct acme_buf *buf)
{
    kref_get(&buf->refcount);
    return buf;
}

int acme_buf_try_get(struct acme_buf *buf)
{
    return kref_get_unless_zero(&buf->refcount);
}

void acme_buf_put(struct acme_buf *buf)
{
    kref_put(&buf->refcount, acme_buf_release);
}
