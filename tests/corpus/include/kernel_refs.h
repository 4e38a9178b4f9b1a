/* kernel_refs.h: a userspace mirror of the Linux kernel's reference APIs for
 * refflow's kref corpus (tests/corpus/kref/, rules/kref.rules).
 *
 * The real kernel headers cannot be used in userspace (they need the kernel's
 * own build: asm/ headers, Kconfig, compiler attributes), so this header
 * declares the same names with the same signatures and the same macros,
 * taken from the kernel's include/linux/kref.h and include/linux/of.h (as of
 * Linux 6.x). The functions are only declared: the corpus is checked, never
 * linked. Semantics (from the kernel's comments and lib/kobject.c,
 * drivers/of/base.c, which rules/kref.rules cites):
 *
 *   kref_init(k)               sets the count to 1 (the creator's reference)
 *   kref_get(k)                +1
 *   kref_put(k, release)       -1; calls release() and returns 1 when it hit 0
 *   kref_get_unless_zero(k)    +1 unless the count is 0; returns non-zero on success
 *   of_node_get(np)            +1 on np (NULL allowed), returns np
 *   of_node_put(np)            -1 on np (NULL allowed)
 *   of_find_node_by_name(from, name), of_find_node_by_type(from, type),
 *   of_find_compatible_node(from, type, compat)
 *                              return the next matching node with +1, or NULL;
 *                              always drop one reference on `from` (NULL allowed)
 *   of_get_next_child(parent, prev), of_get_next_available_child(parent, prev)
 *                              return the next child with +1, or NULL; drop one
 *                              reference on `prev` (NULL allowed); parent borrowed
 *   of_get_child_by_name(np, name), of_get_parent(np), of_find_node_by_path(path),
 *   of_parse_phandle(np, name, index)
 *                              return a node with +1, or NULL
 *   of_get_next_parent(np)     returns np's parent with +1 (or NULL), drops np
 *   for_each_child_of_node(parent, child) & co.
 *                              loops over the iterators above: each step drops the
 *                              previous node, so leaving the loop early (break,
 *                              return, goto) keeps `child`'s reference, which the
 *                              caller must of_node_put().
 */
#ifndef REFFLOW_CORPUS_KERNEL_REFS_H
#define REFFLOW_CORPUS_KERNEL_REFS_H

#include <stdbool.h>
#include <stddef.h>

typedef unsigned int u32;
typedef u32 phandle;

/* ---- include/linux/refcount.h, include/linux/kref.h ---- */
typedef struct refcount_struct {
    int refs;
} refcount_t;

struct kref {
    refcount_t refcount;
};

#define KREF_INIT(n) { .refcount = { .refs = (n) }, }

void kref_init(struct kref *kref);
unsigned int kref_read(const struct kref *kref);
void kref_get(struct kref *kref);
int kref_put(struct kref *kref, void (*release)(struct kref *kref));
int kref_get_unless_zero(struct kref *kref);

#define container_of(ptr, type, member) \
    ((type *)((char *)(ptr) - offsetof(type, member)))

/* ---- include/linux/of.h ---- */
struct property {
    char *name;
    int length;
    void *value;
    struct property *next;
};

struct device_node {
    const char *name;
    phandle phandle;
    const char *full_name;
    struct property *properties;
    struct device_node *parent;
    struct device_node *child;
    struct device_node *sibling;
    struct kref kref; /* stands in for the kernel's kobj / fwnode refcount */
    unsigned long _flags;
    void *data;
};

struct device {
    struct device *parent;
    struct device_node *of_node;
    void *driver_data;
};

struct device_node *of_node_get(struct device_node *node);
void of_node_put(struct device_node *node);

struct device_node *of_find_node_by_name(struct device_node *from, const char *name);
struct device_node *of_find_node_by_type(struct device_node *from, const char *type);
struct device_node *of_find_compatible_node(struct device_node *from, const char *type,
                                            const char *compat);
struct device_node *of_find_node_opts_by_path(const char *path, const char **opts);
static inline struct device_node *of_find_node_by_path(const char *path)
{
    return of_find_node_opts_by_path(path, NULL);
}
struct device_node *of_find_node_by_phandle(phandle handle);
struct device_node *of_get_parent(const struct device_node *node);
struct device_node *of_get_next_parent(struct device_node *node);
struct device_node *of_get_next_child(const struct device_node *node, struct device_node *prev);
struct device_node *of_get_next_available_child(const struct device_node *node,
                                                struct device_node *prev);
struct device_node *of_get_child_by_name(const struct device_node *node, const char *name);
struct device_node *of_parse_phandle(const struct device_node *np, const char *phandle_name,
                                     int index);

struct property *of_find_property(const struct device_node *np, const char *name, int *lenp);
int of_property_read_u32_index(const struct device_node *np, const char *propname, u32 index,
                               u32 *out_value);
static inline int of_property_read_u32(const struct device_node *np, const char *propname,
                                       u32 *out_value)
{
    return of_property_read_u32_index(np, propname, 0, out_value);
}
int of_property_read_string(const struct device_node *np, const char *propname,
                            const char **out_string);
bool of_device_is_available(const struct device_node *device);
int of_device_is_compatible(const struct device_node *device, const char *compat);

#define for_each_node_by_name(dn, name) \
    for (dn = of_find_node_by_name(NULL, name); dn; dn = of_find_node_by_name(dn, name))
#define for_each_node_by_type(dn, type) \
    for (dn = of_find_node_by_type(NULL, type); dn; dn = of_find_node_by_type(dn, type))
#define for_each_compatible_node(dn, type, compatible) \
    for (dn = of_find_compatible_node(NULL, type, compatible); dn; \
         dn = of_find_compatible_node(dn, type, compatible))
#define for_each_child_of_node(parent, child) \
    for (child = of_get_next_child(parent, NULL); child != NULL; \
         child = of_get_next_child(parent, child))
#define for_each_available_child_of_node(parent, child) \
    for (child = of_get_next_available_child(parent, NULL); child != NULL; \
         child = of_get_next_available_child(parent, child))

/* ---- a few kernel-isms the corpus uses ---- */
#define ENOMEM 12
#define ENODEV 19
#define EINVAL 22
void *kzalloc(size_t size, unsigned int flags);
void kfree(const void *p);
#define GFP_KERNEL 0u
int dev_err(const struct device *dev, const char *fmt, ...);

#endif
