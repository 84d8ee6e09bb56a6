// Data files from the top-level Resources/ folder, linked into the binary with
// `.incbin` (see resources.S), so an installed `matn` needs no bundle folder beside it.

#ifndef MATN_RESOURCES_H
#define MATN_RESOURCES_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// The bytes of the embedded resource `name` (e.g. "Orthography/verbs.tsv"), or NULL
/// with `*length` 0 when there is no such resource.
const uint8_t *matn_resource(const char *name, int64_t *length);

/// Asks the processor to start loading the cache line at `address` of a resource that
/// is read at random (the language model's hash buckets), so that the load overlaps
/// other work.
static inline void matn_resource_prefetch(const void *address) { __builtin_prefetch(address, 0, 3); }

#ifdef __cplusplus
}
#endif

#endif
