// The language identifier's n-gram lookups (LanguageModel's table, read in place):
// a block of letters' lookups resolved together, in three passes, so that the cache
// misses of one lookup overlap those of the others instead of following each other.

#include "matn_kernels.h"

// LanguageModel.key: scripts/train-langid's ngram_key.
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
      uint32_t posting = postingStart[c];
      uint32_t found = MK_LID_ABSENT;
      for (uint32_t e = entryStart[c]; e < entryEnd[c]; e++) {
        const uint32_t entry = table->entries[e];
        const uint32_t pairs = entry >> 16 & 0xFF;
        const uint32_t f = entry & 0xFFFF;
        if (f == fingerprint) {
          found = posting << 8 | pairs;
          const uint8_t *p = table->postings + 2 * (int64_t)posting;
          __builtin_prefetch(p, 0, 3);
          if (pairs > 24) __builtin_prefetch(p + 64, 0, 3);
          if (pairs > 56) __builtin_prefetch(p + 128, 0, 3);
          break;
        }
        if (f > fingerprint) break;
        posting += pairs;
      }
      out[c] = found;
      if (found == MK_LID_ABSENT) current &= ~(1u << n);
    }
    previous = current;
  }
}

