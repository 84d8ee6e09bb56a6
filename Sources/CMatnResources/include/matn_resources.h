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

#ifdef __cplusplus
}
#endif

#endif
