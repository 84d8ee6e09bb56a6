// CMatnKernels: the C hot loops of Matn that are not ICU — UTF-8 validation and the
// mojibake suspect scan, UTF-8 to scalar arrays and back, per-scalar table lookups and
// the attention and token scans of the normaliser's stages, the language identifier's
// n-gram lookups and posting scan. Plain C interface: stdint types only.

#ifndef MATN_KERNELS_H
#define MATN_KERNELS_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

// MARK: - UTF-8

/// Validates UTF-8: returns -1 when `src` is well-formed, else the offset of the first
/// byte of the first ill-formed sequence. `*firstNUL` receives the offset of the first
/// NUL byte before that point (-1 if none).
int64_t mk_utf8_scan(const uint8_t *src, int64_t length, int64_t *firstNUL);

/// The offset of the first place in well-formed UTF-8 `src` that could be mojibake — a
/// character `classes` marks as a possible lead byte (1: two-byte, 8: three-byte, 16:
/// four-byte) followed by as many marked as possible continuation bytes (2), unless a
/// two-byte lead and its continuation are both Arabic-script text (4); or a C1 control —
/// or -1 when there is none. `classes` has 65536 entries.
int64_t mk_mojibake_suspect(const uint8_t *src, int64_t length, const uint8_t *classes);

/// The first offset from `from` that the normaliser's long-text cut scan must look at:
/// a byte 0x0A, 0x0D, 0x22, 0xC2 or 0xE2, or a space at `spacesFrom` or later followed
/// by an ASCII letter; `length` if none. Sixteen bytes a step.
int64_t mk_segment_scan(const uint8_t *src, int64_t from, int64_t length, int64_t spacesFrom);

// MARK: - Memory

/// Brings the cache line at `p` in for reading: a hint, with no effect on any result
/// (the n-gram decoder of Persian names asks for its table's slots before it reads them).
static inline void mk_prefetch(const void *p) { __builtin_prefetch(p, 0, 3); }

// MARK: - Process

/// glibc: large blocks from the heap, kept for reuse (mmap threshold 32 MiB, trim
/// threshold 256 MiB, top pad 16 MiB) rather than mapped afresh, zeroed by the kernel,
/// and unmapped again for each one. Returns 1 if set, 0 elsewhere.
int mk_prefer_heap_for_large_blocks(void);

// MARK: - Scalar arrays (the normaliser's working form)

/// Decodes well-formed UTF-8 (a Swift String's storage; not checked) into scalar
/// values in `out` (room for `length` values) and writes each scalar's entry of a
/// 65,537-entry table (as `mk_scalars_lookup`) to `bits` (room for `length` values),
/// in one pass. Returns the number of scalars.
int64_t mk_utf8_to_scalars_bits(const uint8_t *src, int64_t length, const uint16_t *table, uint32_t *out,
                                uint16_t *bits);
/// Encodes valid scalar values (not checked) as UTF-8; `out` has room for 4 × `count`
/// bytes. Returns the number of bytes.
int64_t mk_scalars_to_utf8(const uint32_t *scalars, int64_t count, uint8_t *out);

/// Encodes `count` code points stored as fixed-width units of `width` bytes each (1:
/// Latin-1, 2: UCS-2, 4: UTF-32 — the forms of Python's str) as UTF-8; `out` has room
/// for `width` 1: 2 × `count` bytes, 2: 3 × `count`, 4: 4 × `count`. Returns the number
/// of bytes, or -1 - i when code point i is a surrogate (U+D800–U+DFFF) or above
/// U+10FFFF (-1 for another width). Eight or sixteen units a step (SSSE3).
int64_t mk_units_to_utf8(const void *units, int64_t count, int32_t width, uint8_t *out);

/// The code points of `count` fixed-width units (as `mk_units_to_utf8`) as scalar values
/// at `out`, each with its entry of a 65,537-entry table at `bits` (as
/// `mk_utf8_to_scalars_bits`; both have room for `count`). Returns `count`, or -1 - i
/// when code point i is a surrogate or above U+10FFFF (-1 for another width).
int64_t mk_units_to_scalars_bits(const void *units, int64_t count, int32_t width, const uint16_t *table,
                                 uint32_t *out, uint16_t *bits);

/// The number of scalars in well-formed UTF-8 (not checked), and in `*width` the
/// narrowest unit that holds each of them: 1 (all below U+0100), 2 (below U+10000) or 4.
int64_t mk_utf8_units(const uint8_t *src, int64_t length, int32_t *width);

/// Decodes well-formed UTF-8 (not checked) into units of `width` bytes (1, 2 or 4, at
/// least what `mk_utf8_units` gives) at `out`, which has room for the scalars plus 16
/// units (the vector steps store whole registers). Returns the number of units (-1 for
/// another width).
int64_t mk_utf8_to_units(const uint8_t *src, int64_t length, int32_t width, void *out);

/// The narrowest unit that holds each of `count` scalar values: 1 (all below U+0100),
/// 2 (below U+10000) or 4.
int32_t mk_scalars_width(const uint32_t *scalars, int64_t count);

/// The scalar values as units of `width` bytes (1, 2 or 4, at least `mk_scalars_width`)
/// at `out` (room for `count` units).
void mk_scalars_to_units(const uint32_t *scalars, int64_t count, int32_t width, void *out);

/// Looks up each scalar's entry in a 65,537-entry table (entry `v` for BMP scalar `v`,
/// entry 0x10000 for every supplementary scalar) into `out`.
void mk_scalars_lookup(const uint32_t *scalars, int64_t count, const uint16_t *table, uint16_t *out);

/// Which scalars a scan stops at, by per-scalar bits (see `mk_scalars_lookup`).
typedef struct {
  /// Stop at a scalar with any of these bits,
  uint16_t stop;
  /// ... or at one with any of these bits whose previous or next scalar has any of
  /// `neighbours` (a missing neighbour at either end of the text has every bit),
  uint16_t context;
  uint16_t neighbours;
  /// ... or, when nonzero, that is followed by the same scalar.
  uint16_t repeats;
} mk_attention;

/// The first index in [from, count) a scan with `attention` stops at, or `count`;
/// `bits` holds each scalar's bits. Eight scalars at a time (SSE2), whatever the text.
int64_t mk_scalars_next_attention(const uint16_t *bits, const uint32_t *scalars, int64_t from, int64_t count,
                                    mk_attention attention);

/// A token found by `mk_scalars_tokens`.
typedef struct {
  /// Its scalars: [start, end).
  int64_t start, end;
  /// How many of its scalars have a bit of the count mask, and of the skip mask.
  int64_t counted, skipped;
} mk_token;

/// Finds the tokens in [from, to): maximal runs of scalars whose `bits` have a bit of
/// `tokenMask`, 64 scalars per step (bit masks, no branch per scalar). Writes at most
/// `capacity` tokens to `out` and returns their number; `*resume` receives where to
/// continue (`to` when the range is done).
int64_t mk_scalars_tokens(const uint16_t *bits, int64_t from, int64_t to, uint16_t tokenMask, uint16_t countMask,
                            uint16_t skipMask, mk_token *out, int64_t capacity, int64_t *resume);

// MARK: - Language identification

/// The language model's n-gram table, read in place (LanguageModel; the layout of
/// scripts/layout-langid, version 4): an n-gram's key (64 bits) chooses a directory
/// slot by its top `directoryBits` bits; the slot (2^directoryBits + 1 of them) holds
/// its record's byte offset in `records` (low 25 bits) and entry count (top 7 bits); a
/// record is its entries' 16-bit fingerprints (bits 64 - `bits` - 16 to 64 - `bits` of
/// the key), sorted, then their codes (a byte each: below 0x80 a pair count, else 0x80 +
/// a dense width), then their data: pairs of lane and quantised -log P, or a dense
/// vector (first lane, width, one q per lane, 0xFF: none). The records end with 64
/// bytes of padding.
typedef struct {
  const uint32_t *directory;
  const uint8_t *records;
  int32_t bits;
  int32_t directoryBits;
} mk_lid_table;

/// Letters resolved per call of `mk_lid_resolve` at most.
#define MK_LID_BLOCK 64
/// Lanes (languages) the scorer holds at most.
#define MK_LID_LANES 256
/// A cell of `mk_lid_resolve`: no such n-gram in the model.
#define MK_LID_ABSENT 0u
/// A cell of `mk_lid_resolve`: not looked up (its first n - 1 letters were not found).
#define MK_LID_UNRESOLVED 0xFFFFFFFFu
/// The low byte of a cell whose n-gram is stored as a dense vector.
#define MK_LID_DENSE 0xFFu

/// Looks up the n-grams ending at letters [from, to) (at most MK_LID_BLOCK): for letter
/// i and order n (1 to 5), out[5 × (i − from) + n − 1] is the byte offset of its data
/// << 8 | its pair count (MK_LID_DENSE: a dense vector), MK_LID_ABSENT, or
/// MK_LID_UNRESOLVED: not looked up because its first n - 1 letters were not found, or
/// because it is below `mk_lid_lowest_resolved(tops[i])` (a unigram or bigram under a
/// higher order: the scorer seldom reads them there, and looks them up alone when it
/// does). `tops[i]` is
/// the highest order at letter i (its position in its word + 1, at most 5; orders above
/// it are absent). The lookups' cache misses overlap:
/// every key and its directory slot asked for first, then the slots read and their
/// records asked for, then the records read.
void mk_lid_resolve(const mk_lid_table *table, const uint32_t *letters, const uint8_t *tops, int64_t from, int64_t to,
                    uint32_t *out);

/// The lowest order `mk_lid_resolve` looks up at a letter whose highest order is `top`:
/// 3 from a word's third letter, `top` at its first two.
int32_t mk_lid_lowest_resolved(int32_t top);

/// The cell (as `mk_lid_resolve`'s) of the n-gram `letters[0..<count]`, looked up alone.
uint32_t mk_lid_lookup(const mk_lid_table *table, const uint32_t *letters, int64_t count);

/// Scores the letter `i` of `letters` (`top`: its highest order; `row`: its cells from
/// `mk_lid_resolve`): every open lane (`open[l]` 1, `fitting` of them) takes the score
/// of the highest order whose n-gram it has, `backoff` × (top − n) − q, less `unseen`
/// (already counted for it), added to `scores[l]`; lanes without one get nothing. The
/// orders are read from the highest down until every open lane has a score. Bit n of
/// `previous` says whether the n-gram of order n ending at the letter before may be in
/// the model (an order whose prefix was not found there is skipped: the model is
/// prefix-closed); the return value is the same for this letter. Every open lane is in
/// [laneFrom, laneTo). `best` is scratch of MK_LID_LANES + 16; `open` has as many entries.
uint32_t mk_lid_letter(const mk_lid_table *table, const uint32_t *letters, int64_t i, int32_t top,
                       const uint32_t *row, uint32_t previous, const uint8_t *open, int32_t fitting, int32_t laneFrom,
                       int32_t laneTo, int16_t *best, int32_t *scores, int32_t backoff, int32_t unseen);

#ifdef __cplusplus
}
#endif

#endif
