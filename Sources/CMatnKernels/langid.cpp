// The language identifier's n-gram lookups (LanguageModel's table, read in place):
// a block of letters' lookups resolved together, in three passes, so that the cache
// misses of one lookup overlap those of the others instead of following each other.

#include "matn_kernels.h"

// LanguageModel.key: scripts/train-langid's ngram_key.
// The bytes of an entry's data: its pairs, or a dense vector with its first lane and
// width.
static inline uint32_t dataSize(uint32_t entry) {
  const uint32_t width = entry >> 24;
  return width ? 2 + width : 2 * (entry >> 16 & 0xFF);
}

typedef uint32_t entries8 __attribute__((vector_size(32)));

// The entry with `fingerprint` among entries [e0, e1) (a bucket's, sorted by
// fingerprint, their data from `offset` on): its data's offset (and the entry in
// `*found`), or UINT32_MAX. Eight entries a step without a branch per entry (reading up
// to seven past e1: the data follow the entries).
static inline uint32_t search(const uint32_t *entries, uint32_t e0, uint32_t e1, uint32_t fingerprint, uint32_t offset,
                              uint32_t *found) {
  const entries8 lane = {0, 1, 2, 3, 4, 5, 6, 7};
  for (uint32_t e = e0; e < e1; e += 8) {
    entries8 v;
    __builtin_memcpy(&v, entries + e, sizeof v);
    const entries8 valid = lane < (entries8){} + (e1 - e);
    const entries8 hit = ((v & 0xFFFF) == fingerprint) & valid;
    const entries8 width = v >> 24;
    const entries8 dense = width != 0;
    const entries8 size = (dense & (width + 2)) | (~dense & ((v >> 15) & 0x1FE));
    // The first hit's lane (8: none).
    const entries8 at = (hit & lane) | (~hit & 8);
    uint32_t first = 8;
    for (int k = 0; k < 8; k++) first = at[k] < first ? at[k] : first;
    const entries8 before = (lane < (entries8){} + first) & valid;
    const entries8 sizes = size & before;
    uint32_t sum = 0;
    for (int k = 0; k < 8; k++) sum += sizes[k];
    offset += sum;
    if (first < 8) {
      *found = v[first];
      return offset;
    }
  }
  return UINT32_MAX;
}

static inline uint64_t ngramKey(const uint32_t *letters, int64_t count) {
  uint64_t h = (uint64_t)count;
  for (int64_t k = 0; k < count; k++) h = (h ^ (uint64_t)letters[k]) * 0x9E3779B97F4A7C15ull;
  h ^= h >> 29;
  h *= 0xBF58476D1CE4E5B9ull;
  h ^= h >> 32;
  return h;
}

extern "C" void mk_lid_resolve(const mk_lid_table *table, const uint32_t *letters, const uint8_t *tops, int64_t from,
                               int64_t to, uint32_t *out) {
  enum { block = MK_LID_BLOCK };
  const int shift = 64 - table->bits;
  const int fingerprintShift = 48 - table->bits;
  uint64_t keys[block * 5];
  uint32_t entryStart[block * 5], entryEnd[block * 5], postingStart[block * 5];
  const int64_t count = to - from;
  // 1. Every key of the block, and its bucket's pair of starts asked for.
  for (int64_t i = 0; i < count; i++) {
    const int top = tops[from + i];
    for (int n = 1; n <= top; n++) {
      const uint64_t h = ngramKey(letters + from + i - n + 1, n);
      keys[5 * i + n - 1] = h;
      __builtin_prefetch(table->buckets + 2 * (h >> shift), 0, 3);
    }
  }
  // 2. The buckets read: each one's entries asked for (one or two cache lines).
  for (int64_t i = 0; i < count; i++) {
    const int top = tops[from + i];
    for (int n = 1; n <= top; n++) {
      const int64_t c = 5 * i + n - 1;
      const uint64_t bucket = keys[c] >> shift;
      const uint32_t e0 = table->buckets[2 * bucket], e1 = table->buckets[2 * bucket + 2];
      entryStart[c] = e0;
      entryEnd[c] = e1;
      postingStart[c] = table->buckets[2 * bucket + 1];
      __builtin_prefetch(table->entries + e0, 0, 3);
      if (e1 > e0 + 8) __builtin_prefetch(table->entries + e0 + 16, 0, 3);
    }
  }
  // 3. The entries read in letter order; an n-gram whose first n - 1 letters were not
  // found is left unresolved (the model is prefix-closed: the scorer asks for it only
  // in the rare case that it did not look those letters up). The postings found asked for.
  uint32_t previous = 0x3F;  // orders found (or not looked up) at the previous letter
  for (int64_t i = 0; i < count; i++) {
    const int top = tops[from + i];
    if (top == 1) previous = 0x3F;  // a word's first letter
    uint32_t current = 0x3F;
    for (int n = 1; n <= 5; n++) {
      const int64_t c = 5 * i + n - 1;
      if (n > top) {
        out[c] = MK_LID_ABSENT;
        continue;
      }
      if (n > 1 && (previous & (1u << (n - 1))) == 0) {
        out[c] = MK_LID_UNRESOLVED;
        current &= ~(1u << n);
        continue;
      }
      const uint32_t fingerprint = (uint32_t)(keys[c] >> fingerprintShift) & 0xFFFF;
      uint32_t entry = 0;
      const uint32_t offset = search(table->entries, entryStart[c], entryEnd[c], fingerprint, postingStart[c], &entry);
      uint32_t found = MK_LID_ABSENT;
      if (offset != UINT32_MAX) {
        found = offset << 8 | (entry >> 16 & 0xFF);
        const uint32_t size = dataSize(entry);
        const uint8_t *p = table->postings + offset;
        __builtin_prefetch(p, 0, 3);
        if (size > 48) __builtin_prefetch(p + 64, 0, 3);
        if (size > 112) __builtin_prefetch(p + 128, 0, 3);
      }
      out[c] = found;
      if (found == MK_LID_ABSENT) current &= ~(1u << n);
    }
    previous = current;
  }
}


extern "C" uint32_t mk_lid_lookup(const mk_lid_table *table, const uint32_t *letters, int64_t count) {
  const uint64_t h = ngramKey(letters, count);
  const uint64_t bucket = h >> (64 - table->bits);
  const uint32_t fingerprint = (uint32_t)(h >> (48 - table->bits)) & 0xFFFF;
  uint32_t offset = table->buckets[2 * bucket + 1];
  for (uint32_t e = table->buckets[2 * bucket]; e < table->buckets[2 * bucket + 2]; e++) {
    const uint32_t entry = table->entries[e];
    const uint32_t f = entry & 0xFFFF;
    if (f == fingerprint) return offset << 8 | (entry >> 16 & 0xFF);
    if (f > fingerprint) break;
    offset += dataSize(entry);
  }
  return MK_LID_ABSENT;
}

// Sixteen lanes at a time (GCC/Clang vector extensions: SSE2 or NEON pairs, AVX2 where
// the target has it).
typedef int16_t lanes16 __attribute__((vector_size(32)));
typedef uint8_t bytes16 __attribute__((vector_size(16)));
typedef int32_t ints8 __attribute__((vector_size(32)));
typedef int16_t half8 __attribute__((vector_size(16)));

static inline lanes16 load16(const int16_t *p) {
  lanes16 v;
  __builtin_memcpy(&v, p, sizeof v);
  return v;
}
static inline void store16(int16_t *p, lanes16 v) { __builtin_memcpy(p, &v, sizeof v); }
static inline lanes16 bytes(const uint8_t *p) {
  bytes16 v;
  __builtin_memcpy(&v, p, sizeof v);
  return __builtin_convertvector(v, lanes16);
}
static inline int32_t sum16(lanes16 v) {
  int32_t s = 0;
  for (int k = 0; k < 16; k++) s += v[k];
  return s;
}

// The scorer of one letter: the orders from the highest down, each lane taking the first
// (highest) order it has; `best` holds what each lane takes, `empty` where none yet.
// `best` and `open` have MK_LID_LANES + 16 entries (a dense vector's last block reads
// past its width, masked); a lane outside the open ones' blocks may be written, never
// read for the score.
extern "C" uint32_t mk_lid_letter(const mk_lid_table *table, const uint32_t *letters, int64_t i, int32_t top,
                                  const uint32_t *row, uint32_t previous, const uint8_t *open, int32_t fitting,
                                  int32_t laneFrom, int32_t laneTo, int16_t *best, int32_t *scores, int32_t backoff,
                                  int32_t unseen) {
  const int16_t empty = INT16_MIN;
  // The lanes read: every open lane's block of 16 (the others' `best` may hold anything:
  // they are neither counted nor added).
  const int32_t from = laneFrom & ~15, to = (laneTo + 15) & ~15;
  const lanes16 emptyV = (lanes16){} + empty;
  const lanes16 index = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};
  for (int32_t l = from; l < to; l += 16) store16(best + l, emptyV);
  uint32_t current = 0xFF;  // orders not looked at may be there
  int32_t filled = 0;       // open lanes with a score
  for (int32_t n = top; n >= 1 && filled < fitting; n--) {
    if (n > 1 && (previous & (1u << (n - 1))) == 0) {
      current &= ~(1u << n);
      continue;
    }
    uint32_t cell = row[n - 1];
    if (cell == MK_LID_UNRESOLVED) cell = mk_lid_lookup(table, letters + i - n + 1, n);
    if (cell == MK_LID_ABSENT) {
      current &= ~(1u << n);
      continue;
    }
    const int16_t add = (int16_t)(backoff * (top - n) - unseen);
    const uint8_t *p = table->postings + (cell >> 8);
    if ((cell & 0xFF) == MK_LID_DENSE) {
      const int32_t first = p[0], w = p[1];
      const uint8_t *q = p + 2;
      lanes16 newly = {};
      for (int32_t j = 0; j < w; j += 16) {
        const lanes16 b = load16(best + first + j);
        const lanes16 v = bytes(q + j);
        const lanes16 take = (b == emptyV) & (v != 0xFF) & (index < (lanes16){} + (int16_t)(w - j));
        newly -= take & (bytes(open + first + j) != 0);
        store16(best + first + j, take ? (lanes16){} + add - v : b);
      }
      filled += sum16(newly);
    } else {
      const int32_t pairs = (int32_t)(cell & 0xFF);
      int32_t newly = 0;
      for (int32_t j = 0; j < pairs; j++) {
        const int32_t l = p[2 * j];
        const bool take = best[l] == empty;
        newly += take & open[l];
        best[l] = take ? (int16_t)(add - p[2 * j + 1]) : best[l];
      }
      filled += newly;
    }
  }
  for (int32_t l = from; l < to; l += 16) {
    const lanes16 b = load16(best + l);
    const lanes16 v = ((b != emptyV) & (bytes(open + l) != 0)) ? b : (lanes16){};
    const half8 low = __builtin_shufflevector(v, v, 0, 1, 2, 3, 4, 5, 6, 7);
    const half8 high = __builtin_shufflevector(v, v, 8, 9, 10, 11, 12, 13, 14, 15);
    ints8 s0, s1;
    __builtin_memcpy(&s0, scores + l, sizeof s0);
    __builtin_memcpy(&s1, scores + l + 8, sizeof s1);
    s0 += __builtin_convertvector(low, ints8);
    s1 += __builtin_convertvector(high, ints8);
    __builtin_memcpy(scores + l, &s0, sizeof s0);
    __builtin_memcpy(scores + l + 8, &s1, sizeof s1);
  }
  return current;
}
