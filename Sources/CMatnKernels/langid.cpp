// The language identifier's n-gram lookups (LanguageModel's table, read in place):
// a block of letters' lookups resolved together, in three passes, so that the cache
// misses of one lookup overlap those of the others instead of following each other.
// A lookup reads one directory slot, then one record (its entries and their data side
// by side: one cache line, sometimes two).

#include "matn_kernels.h"

// The bytes of an entry's data (by its code: a pair count, or 0x80 + a dense width).
static inline uint32_t dataSize(uint32_t code) { return code & 0x80 ? 2 + (code & 0x7F) : 2 * code; }

// LanguageModel.key: scripts/train-langid's ngram_key.
static inline uint64_t ngramKey(const uint32_t *letters, int64_t count) {
  uint64_t h = (uint64_t)count;
  for (int64_t k = 0; k < count; k++) h = (h ^ (uint64_t)letters[k]) * 0x9E3779B97F4A7C15ull;
  h ^= h >> 29;
  h *= 0xBF58476D1CE4E5B9ull;
  h ^= h >> 32;
  return h;
}

typedef uint16_t shorts8 __attribute__((vector_size(16)));
typedef uint8_t bytes8 __attribute__((vector_size(8)));

// The cell of the entry with `fingerprint` in the record at `start` (`count`
// fingerprints, sorted, then as many codes, then their data), or MK_LID_ABSENT. Eight
// entries a step without a branch per entry (reading up to 16 bytes past the record: the
// records end with 64 bytes of padding).
static inline uint32_t search(const uint8_t *records, uint32_t start, uint32_t count, uint32_t fingerprint) {
  const shorts8 lane = {0, 1, 2, 3, 4, 5, 6, 7};
  const shorts8 wanted = (shorts8){} + (uint16_t)fingerprint;
  const uint8_t *fingerprints = records + start, *codes = fingerprints + 2 * count;
  uint32_t offset = start + 3 * count;
  for (uint32_t k = 0; k < count; k += 8) {
    shorts8 f;
    bytes8 c8;
    __builtin_memcpy(&f, fingerprints + 2 * k, sizeof f);
    __builtin_memcpy(&c8, codes + k, sizeof c8);
    const shorts8 c = __builtin_convertvector(c8, shorts8);
    const shorts8 valid = lane < (shorts8){} + (uint16_t)(count - k);
    const shorts8 hit = (f == wanted) & valid;
    // The first hit's lane (8: none).
    const shorts8 at = (hit & lane) | (~hit & 8);
    uint32_t first = 8;
    for (int j = 0; j < 8; j++) first = at[j] < first ? at[j] : first;
    const shorts8 dense = (c & 0x80) != 0;
    const shorts8 size = (dense & ((c & 0x7F) + 2)) | (~dense & (c << 1));
    const shorts8 sizes = size & (lane < (shorts8){} + (uint16_t)first) & valid;
    uint32_t sum = 0;
    for (int j = 0; j < 8; j++) sum += sizes[j];
    offset += sum;
    if (first < 8) {
      const uint32_t code = codes[k + first];
      return offset << 8 | (code & 0x80 ? MK_LID_DENSE : code);
    }
  }
  return MK_LID_ABSENT;
}

// The lowest order `mk_lid_resolve` looks up at a letter whose highest is `top`: from
// the third letter of a word, neither the unigram nor the bigram; at the second, not the
// unigram. The scorer reads a letter's orders from the highest down and stops when every
// open lane has a score: over the 37,071 dev sentences it read 34% of the unigrams and
// 48% of the bigrams looked up ahead (58% of the trigrams, 68% of the 4-grams, all
// 5-grams), and those it reads are the model's most frequent n-grams, in cache, looked
// up alone (`mk_lid_lookup`) at little cost. Leaving the trigrams too (from the fourth
// letter) was slower: 8 rounds alternating, median 742 ms against 716.
static inline int lowestResolved(int top) { return top > 2 ? 3 : top; }

extern "C" int32_t mk_lid_lowest_resolved(int32_t top) { return lowestResolved(top); }

extern "C" void mk_lid_resolve(const mk_lid_table *table, const uint32_t *letters, const uint8_t *tops, int64_t from,
                               int64_t to, uint32_t *out) {
  enum { block = MK_LID_BLOCK };
  const int shift = 64 - table->directoryBits;
  const int fingerprintShift = 48 - table->bits;
  uint32_t fingerprints[block * 5], slots[block * 5], starts[block * 5];
  const int64_t count = to - from;
  // 1. Every key of the block, and its directory slot asked for.
  for (int64_t i = 0; i < count; i++) {
    const int top = tops[from + i];
    for (int n = lowestResolved(top); n <= top; n++) {
      const uint64_t h = ngramKey(letters + from + i - n + 1, n);
      const uint32_t slot = (uint32_t)(h >> shift);
      fingerprints[5 * i + n - 1] = (uint32_t)(h >> fingerprintShift) & 0xFFFF;
      slots[5 * i + n - 1] = slot;
      __builtin_prefetch(table->directory + slot, 0, 3);
    }
  }
  // 2. The slots read: each one's record asked for (its cache lines, one to three).
  for (int64_t i = 0; i < count; i++) {
    const int top = tops[from + i];
    for (int n = lowestResolved(top); n <= top; n++) {
      const int64_t c = 5 * i + n - 1;
      const uint32_t slot = slots[c];
      const uint32_t d = table->directory[slot];
      const uint32_t start = d & 0x1FFFFFF, end = table->directory[slot + 1] & 0x1FFFFFF;
      starts[c] = d;
      const uint8_t *p = table->records + start;
      __builtin_prefetch(p, 0, 3);
      const uintptr_t first = (uintptr_t)p >> 6, last = ((uintptr_t)table->records + end - 1) >> 6;
      if (last > first) __builtin_prefetch(p + 64, 0, 3);
      if (last > first + 1) __builtin_prefetch(p + 128, 0, 3);
    }
  }
  // 3. The records read in letter order; an n-gram whose first n - 1 letters were not
  // found is left unresolved (the model is prefix-closed: the scorer asks for it only
  // in the rare case that it did not look those letters up). A dense vector's data past
  // the record's lines asked for.
  uint32_t previous = 0x3F;  // orders found (or not looked up) at the previous letter
  for (int64_t i = 0; i < count; i++) {
    const int top = tops[from + i];
    if (top == 1) previous = 0x3F;  // a word's first letter
    uint32_t current = 0x3F;
    const int lowest = lowestResolved(top);
    for (int n = 1; n <= 5; n++) {
      const int64_t c = 5 * i + n - 1;
      if (n > top) {
        out[c] = MK_LID_ABSENT;
        continue;
      }
      if (n < lowest) {  // looked up when the scorer needs it (its bit stays: may be there)
        out[c] = MK_LID_UNRESOLVED;
        continue;
      }
      if (n > 1 && (previous & (1u << (n - 1))) == 0) {
        out[c] = MK_LID_UNRESOLVED;
        current &= ~(1u << n);
        continue;
      }
      const uint32_t found = search(table->records, starts[c] & 0x1FFFFFF, starts[c] >> 25, fingerprints[c]);
      if (found != MK_LID_ABSENT && (found & 0xFF) == MK_LID_DENSE) {
        const uint8_t *p = table->records + (found >> 8);
        if (p[1] > 48) __builtin_prefetch(p + 64, 0, 3);
      }
      out[c] = found;
      if (found == MK_LID_ABSENT) current &= ~(1u << n);
    }
    previous = current;
  }
}

extern "C" uint32_t mk_lid_lookup(const mk_lid_table *table, const uint32_t *letters, int64_t count) {
  const uint64_t h = ngramKey(letters, count);
  const uint32_t slot = (uint32_t)(h >> (64 - table->directoryBits));
  const uint32_t fingerprint = (uint32_t)(h >> (48 - table->bits)) & 0xFFFF;
  const uint32_t d = table->directory[slot];
  return search(table->records, d & 0x1FFFFFF, d >> 25, fingerprint);
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
    const uint8_t *p = table->records + (cell >> 8);
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

