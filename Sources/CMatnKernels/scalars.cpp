// The normaliser works on arrays of scalar values. These loops are its hot paths:
// UTF-8 in and out, and the scan each stage uses to skip what it never changes.
// Written so that the per-scalar work has no data-dependent branches — Persian text
// alternates one-byte spaces and two-byte letters too irregularly for a predictor.

#include "matn_kernels.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

// Sixteen ASCII bytes at `src` as scalars at `out`, if they are all ASCII.
static inline bool widenASCII(const uint8_t *src, uint32_t *out) {
#if defined(__SSE2__)
  const __m128i x = _mm_loadu_si128((const __m128i *)src);
  if (_mm_movemask_epi8(x) != 0) return false;
  const __m128i zero = _mm_setzero_si128();
  const __m128i lo = _mm_unpacklo_epi8(x, zero), hi = _mm_unpackhi_epi8(x, zero);
  _mm_storeu_si128((__m128i *)out, _mm_unpacklo_epi16(lo, zero));
  _mm_storeu_si128((__m128i *)(out + 4), _mm_unpackhi_epi16(lo, zero));
  _mm_storeu_si128((__m128i *)(out + 8), _mm_unpacklo_epi16(hi, zero));
  _mm_storeu_si128((__m128i *)(out + 12), _mm_unpackhi_epi16(hi, zero));
  return true;
#else
  (void)src;
  (void)out;
  return false;
#endif
}

// Sixteen scalars at `s` as bytes at `out`, if they are all ASCII.
static inline bool narrowASCII(const uint32_t *s, uint8_t *out) {
#if defined(__SSE2__)
  const __m128i a = _mm_loadu_si128((const __m128i *)s), b = _mm_loadu_si128((const __m128i *)(s + 4));
  const __m128i c = _mm_loadu_si128((const __m128i *)(s + 8)), d = _mm_loadu_si128((const __m128i *)(s + 12));
  const __m128i all = _mm_or_si128(_mm_or_si128(a, b), _mm_or_si128(c, d));
  // All sixteen below 0x80: pack them to bytes.
  if (_mm_movemask_epi8(_mm_cmpeq_epi32(_mm_and_si128(all, _mm_set1_epi32((int)0xFFFFFF80)), _mm_setzero_si128())) != 0xFFFF) {
    return false;
  }
  const __m128i ab = _mm_packs_epi32(a, b), cd = _mm_packs_epi32(c, d);
  _mm_storeu_si128((__m128i *)out, _mm_packus_epi16(ab, cd));
  return true;
#else
  (void)s;
  (void)out;
  return false;
#endif
}

#if defined(__x86_64__) || defined(__i386__)
#include <tmmintrin.h>
#define MK_HAS_SSSE3_PATH 1

// Byte shuffles over eight 16-bit lanes, one per 8-bit lane mask, packing to the front
// (0x80: zero). For encoding (`bySequence`): every lane's low byte, and its high byte
// unless the mask marks it as a one-byte character. For decoding: both bytes of each
// lane the mask keeps.
struct LaneShuffles {
  uint8_t shuffle[256][16];
  constexpr explicit LaneShuffles(bool bySequence) : shuffle() {
    for (int mask = 0; mask < 256; ++mask) {
      int o = 0;
      for (int lane = 0; lane < 8; ++lane) {
        const bool marked = mask >> lane & 1;
        if (bySequence || marked) shuffle[mask][o++] = (uint8_t)(2 * lane);
        if (bySequence ? !marked : marked) shuffle[mask][o++] = (uint8_t)(2 * lane + 1);
      }
      while (o < 16) shuffle[mask][o++] = 0x80;
    }
  }
};
static constexpr LaneShuffles compactTable(true);

// Encodes up to eight scalars at `s` (all eight readable) as UTF-8 at `out` (room for
// sixteen bytes): the leading ones below U+0800, one or two bytes each, in one step.
// Returns how many scalars were encoded (0 when the first is U+0800 or above) and adds
// the bytes written to *o.
__attribute__((target("ssse3"))) static inline int encode8(const uint32_t *s, uint8_t *out, int64_t *o) {
  const __m128i a = _mm_loadu_si128((const __m128i *)s), b = _mm_loadu_si128((const __m128i *)(s + 4));
  const __m128i limit = _mm_set1_epi32(0x7FF);
  const int wide = _mm_movemask_ps(_mm_castsi128_ps(_mm_cmpgt_epi32(a, limit)))
                   | _mm_movemask_ps(_mm_castsi128_ps(_mm_cmpgt_epi32(b, limit))) << 4;
  const int take = wide ? __builtin_ctz((unsigned)wide) : 8;
  if (take == 0) return 0;
  const __m128i v = _mm_packs_epi32(a, b);  // lanes below 0x800 exact; the rest are not used
  const __m128i two = _mm_or_si128(_mm_or_si128(_mm_srli_epi16(v, 6), _mm_set1_epi16((short)0x80C0)),
                                   _mm_slli_epi16(_mm_and_si128(v, _mm_set1_epi16(0x3F)), 8));
  const __m128i ascii = _mm_cmplt_epi16(v, _mm_set1_epi16(0x80));
  const __m128i words = _mm_or_si128(_mm_and_si128(ascii, v), _mm_andnot_si128(ascii, two));
  const int mask = _mm_movemask_epi8(_mm_packs_epi16(ascii, _mm_setzero_si128())) & 0xFF;
  const __m128i shuffle = _mm_loadu_si128((const __m128i *)compactTable.shuffle[mask]);
  _mm_storeu_si128((__m128i *)out, _mm_shuffle_epi8(words, shuffle));
  const unsigned taken = (1u << take) - 1;
  *o += take + __builtin_popcount(~(unsigned)mask & taken);
  return take;
}

static bool hasSSSE3() {
  static const bool has = __builtin_cpu_supports("ssse3");
  return has;
}

static constexpr LaneShuffles keepTable(false);

// The scalars of eight bytes' 16-bit candidate values `values` whose lanes `keep` marks,
// widened and stored at `out` (room for eight), with their table bits. Returns how many.
__attribute__((target("ssse3"))) static inline int storeKept(__m128i values, int keep, const uint16_t *table,
                                                             uint32_t *out, uint16_t *bits) {
  const __m128i packed = _mm_shuffle_epi8(values, _mm_loadu_si128((const __m128i *)keepTable.shuffle[keep]));
  _mm_storeu_si128((__m128i *)out, _mm_unpacklo_epi16(packed, _mm_setzero_si128()));
  _mm_storeu_si128((__m128i *)(out + 4), _mm_unpackhi_epi16(packed, _mm_setzero_si128()));
  const int count = __builtin_popcount((unsigned)keep);
  for (int k = 0; k < count; ++k) bits[k] = table[out[k]];
  return count;
}

// The sixteen bytes at `src` (seventeen readable) read as one- and two-byte sequences from a
// sequence boundary: each byte's candidate value (a lead byte's with its continuation) in
// 16-bit lanes, `values[0]` the first eight bytes' and `values[1]` the last eight's, and in
// *keep the bytes that begin a scalar (continuation bytes are dropped). A two-byte
// sequence whose lead is the sixteenth byte is decoded too; a lead byte of a longer
// sequence ends the step before it. Returns the bytes the step covers up to such a lead
// (0 when the first byte is one).
__attribute__((target("ssse3"))) static inline int twoByteStep(const uint8_t *src, int *keep, __m128i values[2]) {
  const __m128i x = _mm_loadu_si128((const __m128i *)src), next = _mm_loadu_si128((const __m128i *)(src + 1));
  // A lead byte of three or four bytes (0xE0 or above, such as ZWNJ's) ends the step
  // before it: the bytes up to it are whole one- and two-byte sequences.
  const int longLeads = _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_max_epu8(x, _mm_set1_epi8((char)0xE0)), x));
  const int upTo = longLeads ? __builtin_ctz((unsigned)longLeads) : 16;
  if (upTo == 0) return 0;
  const __m128i zero = _mm_setzero_si128();
  // Continuation bytes (10xxxxxx) are dropped.
  const int continuation =
      _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(x, _mm_set1_epi8((char)0xC0)), _mm_set1_epi8((char)0x80)));
  *keep = ~continuation & ((1 << upTo) - 1);
  const __m128i c6 = _mm_set1_epi16(0x3F), l5 = _mm_set1_epi16(0x1F), lead = _mm_set1_epi16(0xBF);
  for (int half = 0; half < 2; ++half) {
    const __m128i b = half ? _mm_unpackhi_epi8(x, zero) : _mm_unpacklo_epi8(x, zero);
    const __m128i c = half ? _mm_unpackhi_epi8(next, zero) : _mm_unpacklo_epi8(next, zero);
    const __m128i two = _mm_or_si128(_mm_slli_epi16(_mm_and_si128(b, l5), 6), _mm_and_si128(c, c6));
    const __m128i isLead = _mm_cmpgt_epi16(b, lead);
    values[half] = _mm_or_si128(_mm_and_si128(isLead, two), _mm_andnot_si128(isLead, b));
  }
  return upTo;
}

// The bytes a step that covered `upTo` bytes consumed: a two-byte sequence led by the
// sixteenth byte takes the seventeenth too.
static inline int consumed(const uint8_t *src, int upTo) { return upTo < 16 ? upTo : src[15] >= 0xC0 ? 17 : 16; }

// Decodes the sixteen bytes at `src` (seventeen readable) when they hold one- and two-byte
// sequences only (`twoByteStep`), with each scalar's table bits. Returns the bytes
// consumed (0 when the first byte leads a longer sequence) and adds the scalars written to *n.
__attribute__((target("ssse3"))) static inline int decode16(const uint8_t *src, const uint16_t *table, uint32_t *out,
                                                            uint16_t *bits, int64_t *n) {
  int keep = 0;
  __m128i values[2];
  const int upTo = twoByteStep(src, &keep, values);
  if (upTo == 0) return 0;
  int64_t written = 0;
  for (int half = 0; half < 2; ++half) {
    written += storeKept(values[half], keep >> (8 * half) & 0xFF, table, out + written, bits + written);
  }
  *n += written;
  return consumed(src, upTo);
}
#endif

// The scalar of well-formed UTF-8 at src[*i], *i moved past it.
static inline uint32_t decodeOne(const uint8_t *src, int64_t *i) {
  const uint32_t b0 = src[*i];
  if (b0 < 0x80) {
    *i += 1;
    return b0;
  }
  if (b0 < 0xE0) {
    const uint32_t v = ((b0 & 0x1F) << 6) | (src[*i + 1] & 0x3F);
    *i += 2;
    return v;
  }
  if (b0 < 0xF0) {
    const uint32_t v = ((b0 & 0x0F) << 12) | ((src[*i + 1] & 0x3F) << 6) | (src[*i + 2] & 0x3F);
    *i += 3;
    return v;
  }
  const uint32_t v =
      ((b0 & 0x07) << 18) | ((src[*i + 1] & 0x3F) << 12) | ((src[*i + 2] & 0x3F) << 6) | (src[*i + 3] & 0x3F);
  *i += 4;
  return v;
}

// Decoding and table lookup in one pass: the bits of each scalar are written as it is
// decoded, while it is still in a register (the buffer's two arrays are filled together).
// Outside the vector steps, a plain branch per width: measured on Persian news, it beat
// branch-free decoding and interleaved cursors; English gains from the 16-byte ASCII step.
extern "C" int64_t mk_utf8_to_scalars_bits(const uint8_t *src, int64_t length, const uint16_t *table, uint32_t *out,
                                           uint16_t *bits) {
  int64_t i = 0, n = 0;
#if defined(MK_HAS_SSSE3_PATH)
  const bool vector = hasSSSE3();
#endif
  while (i < length) {
    const uint32_t b0 = src[i];
#if defined(MK_HAS_SSSE3_PATH)
    // Persian and Arabic text: one-byte spaces and two-byte letters, sixteen bytes a step.
    if (vector && b0 >= 0x80 && b0 < 0xE0 && i + 17 <= length) {
      const int used = decode16(src + i, table, out + n, bits + n, &n);
      if (used > 0) {
        i += used;
        continue;
      }
    }
#endif
    if (b0 < 0x80 && i + 16 <= length && widenASCII(src + i, out + n)) {
      for (int k = 0; k < 16; ++k) bits[n + k] = table[src[i + k]];
      i += 16;
      n += 16;
      continue;
    }
    const uint32_t v = decodeOne(src, &i);
    out[n] = v;
    bits[n] = table[v > 0xFFFF ? 0x10000 : v];
    ++n;
  }
  return n;
}

extern "C" int64_t mk_scalars_to_utf8(const uint32_t *s, int64_t count, uint8_t *out) {
  int64_t o = 0, k = 0;
#if defined(MK_HAS_SSSE3_PATH)
  const bool vector = hasSSSE3();
#endif
  while (k < count) {
    const uint32_t v = s[k];
#if defined(MK_HAS_SSSE3_PATH)
    // Persian and Arabic text mixes one-byte spaces and two-byte letters: eight of
    // them a step, without a branch per scalar. (A scalar of three bytes or more, such
    // as ZWNJ, is written below.)
    if (vector && v < 0x800 && k + 8 <= count) {
      if (v < 0x80 && k + 16 <= count && narrowASCII(s + k, out + o)) {
        o += 16;
        k += 16;
        continue;
      }
      k += encode8(s + k, out + o, &o);
      continue;
    }
#endif
    if (v < 0x80) {
      if (k + 16 <= count && narrowASCII(s + k, out + o)) {
        o += 16;
        k += 16;
        continue;
      }
      out[o++] = (uint8_t)v;
    } else if (v < 0x800) {
      out[o] = (uint8_t)(0xC0 | (v >> 6));
      out[o + 1] = (uint8_t)(0x80 | (v & 0x3F));
      o += 2;
    } else if (v < 0x10000) {
      out[o] = (uint8_t)(0xE0 | (v >> 12));
      out[o + 1] = (uint8_t)(0x80 | ((v >> 6) & 0x3F));
      out[o + 2] = (uint8_t)(0x80 | (v & 0x3F));
      o += 3;
    } else {
      out[o] = (uint8_t)(0xF0 | (v >> 18));
      out[o + 1] = (uint8_t)(0x80 | ((v >> 12) & 0x3F));
      out[o + 2] = (uint8_t)(0x80 | ((v >> 6) & 0x3F));
      out[o + 3] = (uint8_t)(0x80 | (v & 0x3F));
      o += 4;
    }
    ++k;
  }
  return o;
}

extern "C" void mk_scalars_lookup(const uint32_t *s, int64_t count, const uint16_t *table, uint16_t *out) {
  for (int64_t k = 0; k < count; ++k) out[k] = table[s[k] > 0xFFFF ? 0x10000 : s[k]];
}

// Whether the scan stops at `j`, with neighbours looked up the slow way (text edges).
static inline bool stopsAt(const uint16_t *bits, const uint32_t *s, int64_t j, int64_t count,
                           const mk_attention &a) {
  const uint16_t t = bits[j];
  if (t & a.stop) return true;
  if (!(t & a.context)) return false;
  const uint16_t before = j > 0 ? bits[j - 1] : 0xFFFF;
  const uint16_t after = j + 1 < count ? bits[j + 1] : 0xFFFF;
  if ((before | after) & a.neighbours) return true;
  return a.repeats && j + 1 < count && s[j + 1] == s[j];
}

#if defined(__SSE2__)
// Eight interior scalars at a time (j ≥ 1 while j + 8 < count): the bits of each and of
// its neighbours come from three overlapping loads. Returns the stop, or where it left
// off with *found false.
template <bool repeats>
static int64_t scanSSE2(const uint16_t *bits, const uint32_t *s, int64_t j, int64_t count, const mk_attention &a,
                        bool *found) {
  const __m128i zero = _mm_setzero_si128();
  const __m128i stop = _mm_set1_epi16((short)a.stop), context = _mm_set1_epi16((short)a.context);
  const __m128i neighbours = _mm_set1_epi16((short)a.neighbours);
  for (; j + 8 < count; j += 8) {
    const __m128i before = _mm_loadu_si128((const __m128i *)(bits + j - 1));
    const __m128i here = _mm_loadu_si128((const __m128i *)(bits + j));
    const __m128i after = _mm_loadu_si128((const __m128i *)(bits + j + 1));
    // All ones in lanes where a condition is false.
    const __m128i quietStop = _mm_cmpeq_epi16(_mm_and_si128(here, stop), zero);
    const __m128i quietContext = _mm_cmpeq_epi16(_mm_and_si128(here, context), zero);
    __m128i quietNear = _mm_cmpeq_epi16(_mm_and_si128(_mm_or_si128(before, after), neighbours), zero);
    if (repeats) {
      const __m128i lo = _mm_cmpeq_epi32(_mm_loadu_si128((const __m128i *)(s + j)),
                                         _mm_loadu_si128((const __m128i *)(s + j + 1)));
      const __m128i hi = _mm_cmpeq_epi32(_mm_loadu_si128((const __m128i *)(s + j + 4)),
                                         _mm_loadu_si128((const __m128i *)(s + j + 5)));
      quietNear = _mm_andnot_si128(_mm_packs_epi32(lo, hi), quietNear);
    }
    const __m128i quiet = _mm_and_si128(quietStop, _mm_or_si128(quietContext, quietNear));
    const int mask = ~_mm_movemask_epi8(quiet) & 0xFFFF;
    if (mask) {
      *found = true;
      return j + __builtin_ctz((unsigned)mask) / 2;
    }
  }
  *found = false;
  return j;
}
#endif

extern "C" int64_t mk_scalars_next_attention(const uint16_t *bits, const uint32_t *s, int64_t from, int64_t count,
                                               mk_attention a) {
  int64_t j = from < 0 ? 0 : from;
  if (j >= count) return count;
  if (j == 0) {
    if (stopsAt(bits, s, 0, count, a)) return 0;
    j = 1;
  }
#if defined(__SSE2__)
  bool found;
  j = a.repeats ? scanSSE2<true>(bits, s, j, count, a, &found) : scanSSE2<false>(bits, s, j, count, a, &found);
  if (found) return j;
#endif
  for (; j < count; ++j) {
    if (stopsAt(bits, s, j, count, a)) return j;
  }
  return count;
}

// Bit k of *r1, *r2, *r3 set when bits[base + k] has a bit of m1, m2, m3 (for k < count
// ≤ 64; a zero mask gives 0), from one read of the bits.
static inline void blockMasks(const uint16_t *bits, int64_t base, int count, uint16_t m1, uint16_t m2, uint16_t m3,
                              uint64_t *r1, uint64_t *r2, uint64_t *r3) {
  uint64_t a1 = 0, a2 = 0, a3 = 0;
  int k = 0;
#if defined(__SSE2__)
  const __m128i v1 = _mm_set1_epi16((short)m1), v2 = _mm_set1_epi16((short)m2), v3 = _mm_set1_epi16((short)m3);
  const __m128i zero = _mm_setzero_si128();
  for (; k + 16 <= count; k += 16) {
    const __m128i a = _mm_loadu_si128((const __m128i *)(bits + base + k));
    const __m128i b = _mm_loadu_si128((const __m128i *)(bits + base + k + 8));
    const unsigned q1 = (unsigned)_mm_movemask_epi8(
        _mm_packs_epi16(_mm_cmpeq_epi16(_mm_and_si128(a, v1), zero), _mm_cmpeq_epi16(_mm_and_si128(b, v1), zero)));
    const unsigned q2 = (unsigned)_mm_movemask_epi8(
        _mm_packs_epi16(_mm_cmpeq_epi16(_mm_and_si128(a, v2), zero), _mm_cmpeq_epi16(_mm_and_si128(b, v2), zero)));
    const unsigned q3 = (unsigned)_mm_movemask_epi8(
        _mm_packs_epi16(_mm_cmpeq_epi16(_mm_and_si128(a, v3), zero), _mm_cmpeq_epi16(_mm_and_si128(b, v3), zero)));
    a1 |= (uint64_t)(~q1 & 0xFFFF) << k;
    a2 |= (uint64_t)(~q2 & 0xFFFF) << k;
    a3 |= (uint64_t)(~q3 & 0xFFFF) << k;
  }
#endif
  for (; k < count; ++k) {
    const uint16_t t = bits[base + k];
    a1 |= (uint64_t)((t & m1) != 0) << k;
    a2 |= (uint64_t)((t & m2) != 0) << k;
    a3 |= (uint64_t)((t & m3) != 0) << k;
  }
  *r1 = a1;
  *r2 = a2;
  *r3 = a3;
}

// Bits [low, high) of a 64-bit mask (0 ≤ low ≤ high ≤ 64).
static inline uint64_t bitRange(int low, int high) {
  const uint64_t below = high >= 64 ? ~0ULL : ((1ULL << high) - 1);
  return below & ~((1ULL << low) - 1);
}

extern "C" int64_t mk_scalars_tokens(const uint16_t *bits, int64_t from, int64_t to, uint16_t tokenMask,
                                       uint16_t countMask, uint16_t skipMask, mk_token *out, int64_t capacity,
                                       int64_t *resume) {
  int64_t found = 0;
  bool open = false;  // a token started and has not ended yet
  mk_token current = {0, 0, 0, 0};
  int64_t base = from < 0 ? 0 : from;
  while (base < to && found < capacity) {
    const int count = to - base < 64 ? (int)(to - base) : 64;
    uint64_t tokens, counted, skipped;
    blockMasks(bits, base, count, tokenMask, countMask, skipMask, &tokens, &counted, &skipped);
    const uint64_t previous = (tokens << 1) | (open ? 1 : 0);
    const uint64_t valid = bitRange(0, count);
    // Tokens and gaps alternate: starts and ends interleave, an open token's end first.
    uint64_t starts = tokens & ~previous & valid;
    uint64_t ends = ~tokens & previous & valid;
    if (open) {
      if (!ends) {
        current.counted += __builtin_popcountll(counted & valid);
        current.skipped += __builtin_popcountll(skipped & valid);
        base += count;
        continue;
      }
      const int p = __builtin_ctzll(ends);
      ends &= ends - 1;
      const uint64_t range = bitRange(0, p);
      current.end = base + p;
      current.counted += __builtin_popcountll(counted & range);
      current.skipped += __builtin_popcountll(skipped & range);
      out[found++] = current;
      open = false;
      if (found == capacity) {
        *resume = current.end;
        return found;
      }
    }
    while (starts) {
      const int p = __builtin_ctzll(starts);
      starts &= starts - 1;
      current.start = base + p;
      if (!ends) {
        // Open past the block's end.
        const uint64_t range = bitRange(p, count);
        current.counted = __builtin_popcountll(counted & range);
        current.skipped = __builtin_popcountll(skipped & range);
        open = true;
        break;
      }
      const int q = __builtin_ctzll(ends);
      ends &= ends - 1;
      const uint64_t range = bitRange(p, q);
      current.end = base + q;
      current.counted = __builtin_popcountll(counted & range);
      current.skipped = __builtin_popcountll(skipped & range);
      out[found++] = current;
      if (found == capacity) {
        *resume = current.end;
        return found;
      }
    }
    base += count;
  }
  if (open) {
    current.end = to;
    out[found++] = current;
  }
  *resume = base >= to ? to : base;
  return found;
}

// MARK: - Fixed-width code units (a host's strings: Python's str holds one byte, two or
// four per code point, the narrowest its text fits)

#if defined(MK_HAS_SSSE3_PATH)
// The first `take` of eight 16-bit lanes `v` (each below U+0800) as UTF-8 at `out` (room
// for sixteen bytes). Returns the bytes written.
__attribute__((target("ssse3"))) static inline int encodeLanes(__m128i v, int take, uint8_t *out) {
  const __m128i two = _mm_or_si128(_mm_or_si128(_mm_srli_epi16(v, 6), _mm_set1_epi16((short)0x80C0)),
                                   _mm_slli_epi16(_mm_and_si128(v, _mm_set1_epi16(0x3F)), 8));
  const __m128i ascii = _mm_cmplt_epi16(v, _mm_set1_epi16(0x80));
  const __m128i words = _mm_or_si128(_mm_and_si128(ascii, v), _mm_andnot_si128(ascii, two));
  const int mask = _mm_movemask_epi8(_mm_packs_epi16(ascii, _mm_setzero_si128())) & 0xFF;
  _mm_storeu_si128((__m128i *)out, _mm_shuffle_epi8(words, _mm_loadu_si128((const __m128i *)compactTable.shuffle[mask])));
  const unsigned taken = (1u << take) - 1;
  return take + __builtin_popcount(~(unsigned)mask & taken);
}

// Eight two-byte units at `u` (all readable) as UTF-8 at `out` (room for sixteen bytes):
// the leading ones below U+0800. Returns how many were encoded (0 when the first is
// U+0800 or above) and adds the bytes written to *o.
__attribute__((target("ssse3"))) static inline int encodeUnits8(const uint16_t *u, uint8_t *out, int64_t *o) {
  const __m128i v = _mm_loadu_si128((const __m128i *)u);
  const __m128i narrow = _mm_cmpeq_epi16(_mm_and_si128(v, _mm_set1_epi16((short)0xF800)), _mm_setzero_si128());
  const int wide = ~_mm_movemask_epi8(_mm_packs_epi16(narrow, _mm_setzero_si128())) & 0xFF;
  const int take = wide ? __builtin_ctz((unsigned)wide) : 8;
  if (take == 0) return 0;
  *o += encodeLanes(v, take, out);
  return take;
}

// Sixteen one-byte units (Latin-1) at `u` as UTF-8 at `out` (room for 32 bytes). Returns
// the bytes written.
__attribute__((target("ssse3"))) static inline int encodeLatin16(const uint8_t *u, uint8_t *out) {
  const __m128i x = _mm_loadu_si128((const __m128i *)u);
  if (_mm_movemask_epi8(x) == 0) {
    _mm_storeu_si128((__m128i *)out, x);
    return 16;
  }
  const __m128i zero = _mm_setzero_si128();
  const int first = encodeLanes(_mm_unpacklo_epi8(x, zero), 8, out);
  return first + encodeLanes(_mm_unpackhi_epi8(x, zero), 8, out + first);
}
#endif

// One code point `v` (≥ U+0800, a surrogate or above U+10FFFF refused: false) as UTF-8.
static inline bool encodeWide(uint32_t v, uint8_t *out, int64_t *o) {
  if (v - 0xD800 < 0x800 || v > 0x10FFFF) return false;
  if (v < 0x10000) {
    out[*o] = (uint8_t)(0xE0 | (v >> 12));
    out[*o + 1] = (uint8_t)(0x80 | ((v >> 6) & 0x3F));
    out[*o + 2] = (uint8_t)(0x80 | (v & 0x3F));
    *o += 3;
  } else {
    out[*o] = (uint8_t)(0xF0 | (v >> 18));
    out[*o + 1] = (uint8_t)(0x80 | ((v >> 12) & 0x3F));
    out[*o + 2] = (uint8_t)(0x80 | ((v >> 6) & 0x3F));
    out[*o + 3] = (uint8_t)(0x80 | (v & 0x3F));
    *o += 4;
  }
  return true;
}

// One code point `v` below U+0800 as UTF-8.
static inline void encodeNarrow(uint32_t v, uint8_t *out, int64_t *o) {
  if (v < 0x80) {
    out[(*o)++] = (uint8_t)v;
  } else {
    out[*o] = (uint8_t)(0xC0 | (v >> 6));
    out[*o + 1] = (uint8_t)(0x80 | (v & 0x3F));
    *o += 2;
  }
}

#if defined(MK_HAS_SSSE3_PATH)
// One vector step over units below U+0800 from `u` (eight readable; `left` units left):
// returns how many were encoded (0 when the first is U+0800 or above), adding the bytes to *o.
static inline int encodeStep(const uint16_t *u, int64_t left, uint8_t *out, int64_t *o) {
  (void)left;
  return encodeUnits8(u, out, o);
}
static inline int encodeStep(const uint32_t *s, int64_t left, uint8_t *out, int64_t *o) {
  if (s[0] < 0x80 && left >= 16 && narrowASCII(s, out)) {
    *o += 16;
    return 16;
  }
  return encode8(s, out, o);
}
#endif

// Units of two or four bytes as UTF-8: the bytes written, or -1 - k at code point k when
// it is no scalar value.
template <typename Unit> static int64_t encodeUnits(const Unit *u, int64_t count, uint8_t *out) {
  int64_t o = 0, k = 0;
#if defined(MK_HAS_SSSE3_PATH)
  const bool vector = hasSSSE3();
#endif
  while (k < count) {
    const uint32_t v = u[k];
    if (v < 0x800) {
#if defined(MK_HAS_SSSE3_PATH)
      // Persian and Arabic text: one-byte spaces and two-byte letters, eight a step.
      if (vector && k + 8 <= count) {
        k += encodeStep(u + k, count - k, out + o, &o);
        continue;
      }
#endif
      encodeNarrow(v, out, &o);
    } else if (!encodeWide(v, out, &o)) {
      return -1 - k;
    }
    ++k;
  }
  return o;
}

extern "C" int64_t mk_units_to_utf8(const void *units, int64_t count, int32_t width, uint8_t *out) {
  switch (width) {
  case 1: {
    const uint8_t *u = (const uint8_t *)units;
    int64_t o = 0, k = 0;
#if defined(MK_HAS_SSSE3_PATH)
    if (hasSSSE3()) {
      for (; k + 16 <= count; k += 16) o += encodeLatin16(u + k, out + o);
    }
#endif
    for (; k < count; ++k) encodeNarrow(u[k], out, &o);
    return o;
  }
  case 2: return encodeUnits((const uint16_t *)units, count, out);
  case 4: return encodeUnits((const uint32_t *)units, count, out);
  default: return -1;
  }
}

extern "C" int64_t mk_utf8_units(const uint8_t *src, int64_t length, int32_t *width) {
  int64_t i = 0, continuations = 0;
  uint8_t top = 0;
#if defined(__SSE2__)
  __m128i most = _mm_setzero_si128();
  for (; i + 16 <= length; i += 16) {
    const __m128i x = _mm_loadu_si128((const __m128i *)(src + i));
    most = _mm_max_epu8(most, x);
    continuations += __builtin_popcount((unsigned)_mm_movemask_epi8(
        _mm_cmpeq_epi8(_mm_and_si128(x, _mm_set1_epi8((char)0xC0)), _mm_set1_epi8((char)0x80))));
  }
  uint8_t lanes[16];
  _mm_storeu_si128((__m128i *)lanes, most);
  for (int k = 0; k < 16; ++k) top = lanes[k] > top ? lanes[k] : top;
#endif
  for (; i < length; ++i) {
    top = src[i] > top ? src[i] : top;
    continuations += (src[i] & 0xC0) == 0x80;
  }
  // Lead bytes up to 0xC3 begin code points up to U+00FF; up to 0xEF, up to U+FFFF.
  *width = top < 0xC4 ? 1 : top < 0xF0 ? 2 : 4;
  return length - continuations;
}

#if defined(MK_HAS_SSSE3_PATH)
// decode16 for code units: the scalars as units of `Unit` at `out` (room for sixteen more).
template <typename Unit>
__attribute__((target("ssse3"))) static inline int decodeUnits16(const uint8_t *src, Unit *out, int64_t *n) {
  int keep = 0;
  __m128i values[2];
  const int upTo = twoByteStep(src, &keep, values);
  if (upTo == 0) return 0;
  const __m128i zero = _mm_setzero_si128();
  int64_t written = 0;
  for (int half = 0; half < 2; ++half) {
    const int kept = keep >> (8 * half) & 0xFF;
    const __m128i packed = _mm_shuffle_epi8(values[half], _mm_loadu_si128((const __m128i *)keepTable.shuffle[kept]));
    if (sizeof(Unit) == 2) {
      _mm_storeu_si128((__m128i *)(out + written), packed);
    } else {
      _mm_storeu_si128((__m128i *)(out + written), _mm_unpacklo_epi16(packed, zero));
      _mm_storeu_si128((__m128i *)(out + written + 4), _mm_unpackhi_epi16(packed, zero));
    }
    written += __builtin_popcount((unsigned)kept);
  }
  *n += written;
  return consumed(src, upTo);
}
#endif

// Sixteen ASCII bytes at `src` as units at `out`, if they are all ASCII.
template <typename Unit> static inline bool widenASCIIUnits(const uint8_t *src, Unit *out) {
#if defined(__SSE2__)
  const __m128i x = _mm_loadu_si128((const __m128i *)src);
  if (_mm_movemask_epi8(x) != 0) return false;
  if (sizeof(Unit) == 1) {
    _mm_storeu_si128((__m128i *)out, x);
  } else if (sizeof(Unit) == 2) {
    _mm_storeu_si128((__m128i *)out, _mm_unpacklo_epi8(x, _mm_setzero_si128()));
    _mm_storeu_si128((__m128i *)(out + 8), _mm_unpackhi_epi8(x, _mm_setzero_si128()));
  } else {
    return widenASCII(src, (uint32_t *)out);
  }
  return true;
#else
  (void)src;
  (void)out;
  return false;
#endif
}

template <typename Unit> static int64_t decodeUnits(const uint8_t *src, int64_t length, Unit *out) {
  int64_t i = 0, n = 0;
#if defined(MK_HAS_SSSE3_PATH)
  const bool vector = sizeof(Unit) > 1 && hasSSSE3();
#endif
  while (i < length) {
    const uint32_t b0 = src[i];
#if defined(MK_HAS_SSSE3_PATH)
    if (vector && b0 >= 0x80 && b0 < 0xE0 && i + 17 <= length) {
      const int used = decodeUnits16(src + i, out + n, &n);
      if (used > 0) {
        i += used;
        continue;
      }
    }
#endif
    if (b0 < 0x80 && i + 16 <= length && widenASCIIUnits(src + i, out + n)) {
      i += 16;
      n += 16;
      continue;
    }
    out[n++] = (Unit)decodeOne(src, &i);
  }
  return n;
}

extern "C" int64_t mk_utf8_to_units(const uint8_t *src, int64_t length, int32_t width, void *out) {
  switch (width) {
  case 1: return decodeUnits(src, length, (uint8_t *)out);
  case 2: return decodeUnits(src, length, (uint16_t *)out);
  case 4: return decodeUnits(src, length, (uint32_t *)out);
  default: return -1;
  }
}

// The units of one width as scalars with their bits; false at a surrogate (or, four bytes
// wide, a value above U+10FFFF). The check is folded into one flag, so the loop has no
// branch per unit.
template <typename Unit>
static bool unitsToScalars(const Unit *u, int64_t count, const uint16_t *table, uint32_t *out, uint16_t *bits) {
  uint32_t bad = 0;
  for (int64_t k = 0; k < count; ++k) {
    const uint32_t v = u[k];
    if (sizeof(Unit) == 2) bad |= (v & 0xF800) == 0xD800;
    if (sizeof(Unit) == 4) bad |= (v - 0xD800 < 0x800) | (v > 0x10FFFF);
    out[k] = v;
    bits[k] = table[sizeof(Unit) < 4 || v < 0x10000 ? v : 0x10000];
  }
  return bad == 0;
}

extern "C" int64_t mk_units_to_scalars_bits(const void *units, int64_t count, int32_t width, const uint16_t *table,
                                            uint32_t *out, uint16_t *bits) {
  bool valid;
  switch (width) {
  case 1: valid = unitsToScalars((const uint8_t *)units, count, table, out, bits); break;
  case 2: valid = unitsToScalars((const uint16_t *)units, count, table, out, bits); break;
  case 4: valid = unitsToScalars((const uint32_t *)units, count, table, out, bits); break;
  default: return -1;
  }
  if (valid) return count;
  for (int64_t k = 0;; ++k) {
    const uint32_t v = out[k];
    if (v - 0xD800 < 0x800 || v > 0x10FFFF) return -1 - k;
  }
}

template <typename Unit> static void narrowScalars(const uint32_t *s, int64_t count, Unit *out) {
  for (int64_t k = 0; k < count; ++k) out[k] = (Unit)s[k];
}

extern "C" int32_t mk_scalars_width(const uint32_t *s, int64_t count) {
  uint32_t any = 0;
  for (int64_t k = 0; k < count; ++k) any |= s[k];
  return any < 0x100 ? 1 : any < 0x10000 ? 2 : 4;
}

extern "C" void mk_scalars_to_units(const uint32_t *s, int64_t count, int32_t width, void *out) {
  switch (width) {
  case 1: narrowScalars(s, count, (uint8_t *)out); break;
  case 2: narrowScalars(s, count, (uint16_t *)out); break;
  default: narrowScalars(s, count, (uint32_t *)out); break;
  }
}
