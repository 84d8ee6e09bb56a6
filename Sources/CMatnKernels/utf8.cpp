// UTF-8 validation at memory speed: the common case of decoding (valid UTF-8) must
// cost next to nothing. Sixteen ASCII bytes at a time (SSE2), the Unicode §3.9 table
// for the rest. Not ICU, but C work that belongs below Swift.

#include "matn_kernels.h"

#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

// The exact byte-at-a-time check of one sequence at `i`: its width, or 0 if ill-formed.
static inline int sequenceWidth(const uint8_t *src, int64_t i, int64_t length) {
  const uint8_t b = src[i];
  int width;
  uint8_t low = 0x80, high = 0xBF;
  if (b >= 0xC2 && b <= 0xDF) {
    width = 2;
  } else if (b == 0xE0) {
    width = 3;
    low = 0xA0;
  } else if ((b >= 0xE1 && b <= 0xEC) || b == 0xEE || b == 0xEF) {
    width = 3;
  } else if (b == 0xED) {
    width = 3;
    high = 0x9F;
  } else if (b == 0xF0) {
    width = 4;
    low = 0x90;
  } else if (b >= 0xF1 && b <= 0xF3) {
    width = 4;
  } else if (b == 0xF4) {
    width = 4;
    high = 0x8F;
  } else {
    return 0;
  }
  if (i + width > length) return 0;
  if (src[i + 1] < low || src[i + 1] > high) return 0;
  for (int k = 2; k < width; ++k) {
    if ((src[i + k] & 0xC0) != 0x80) return 0;
  }
  return width;
}

#if defined(__SSE2__)
static inline int rangeMask(__m128i c, uint8_t lo, uint8_t hi) {
  const __m128i bias = _mm_set1_epi8(char(0x80));
  const __m128i x = _mm_xor_si128(c, bias);
  const __m128i outside = _mm_or_si128(_mm_cmplt_epi8(x, _mm_set1_epi8(char(lo ^ 0x80))),
                                       _mm_cmpgt_epi8(x, _mm_set1_epi8(char(hi ^ 0x80))));
  return ~_mm_movemask_epi8(outside) & 0xFFFF;
}
#endif

extern "C" int64_t mk_utf8_scan(const uint8_t *src, int64_t length, int64_t *firstNUL) {
  *firstNUL = -1;
  int64_t i = 0;
  while (i < length) {
#if defined(__SSE2__)
    // Sixteen bytes at a time while blocks hold only ASCII, two-byte sequences (Latin,
    // Greek, Cyrillic, Hebrew, Arabic script) and common three-byte ones; a block is
    // taken only when every sequence in it is whole and well-formed.
    while (i + 16 <= length) {
      const __m128i c = _mm_loadu_si128(reinterpret_cast<const __m128i *>(src + i));
      const int high = _mm_movemask_epi8(c);
      const int nul = _mm_movemask_epi8(_mm_cmpeq_epi8(c, _mm_setzero_si128()));
      if (nul != 0) break;
      if (high == 0) {
        i += 16;
        continue;
      }
      const int leads2 = rangeMask(c, 0xC2, 0xDF);
      // Three-byte leads without second-byte limits (E1..EC, EE, EF: ZWNJ, dashes,
      // quotes, most of the BMP); E0 and ED go to the exact loop.
      const int leads3 = rangeMask(c, 0xE1, 0xEC) | rangeMask(c, 0xEE, 0xEF);
      const int conts = rangeMask(c, 0x80, 0xBF);
      const int expected = ((leads2 << 1) | (leads3 << 1) | (leads3 << 2)) & 0xFFFF;
      // Every non-ASCII byte a lead or a continuation, and continuations exactly where
      // the leads call for them. A sequence running past the block is left for the
      // next block, which starts at its lead.
      if ((leads2 | leads3 | conts) != high || expected != conts) break;
      const int tail = (leads3 & 0x4000) ? 2 : ((leads2 | leads3) & 0x8000) ? 1 : 0;
      i += 16 - tail;
    }
    if (i >= length) break;
    // Through the next sixteen bytes one sequence at a time (a block with a NUL, a
    // longer sequence, a sequence across the block's end, or an error).
    const int64_t stop = i + 16 < length ? i + 16 : length;
    while (i < stop) {
#else
    {
#endif
      const uint8_t b = src[i];
      if (b < 0x80) {
        if (b == 0 && *firstNUL < 0) *firstNUL = i;
        ++i;
        continue;
      }
      const int width = sequenceWidth(src, i, length);
      if (width == 0) return i;
      i += width;
    }
  }
  return -1;
}

extern "C" int64_t mk_mojibake_suspect(const uint8_t *src, int64_t length, const uint8_t *classes) {
  // classes[c] for BMP code points: 1 "maps to a two-byte lead in some charset",
  // 2 "maps to a continuation byte", 4 "real Arabic-script text", 8 "maps to a
  // three-byte lead", 16 "maps to a four-byte lead", 32 "suspect before a space". A
  // suspect is a lead followed by as
  // many possible continuations as it needs (unless lead and continuation are both
  // Arabic-script text), or a C1 control.
  uint8_t c1 = 0, c2 = 0, c3 = 0;  // classes of the previous three characters
  int64_t s1 = 0, s2 = 0, s3 = 0;  // and where they start
  int64_t rescan_end = 0;  // the characters before this were skipped and are being rescanned
  int64_t i = 0;
  while (i < length) {
#if defined(__SSE2__)
    if (c1 == 0) {
      while (i + 16 <= length) {
        const __m128i c = _mm_loadu_si128(reinterpret_cast<const __m128i *>(src + i));
        const int high = _mm_movemask_epi8(c);
        if (high != 0) {
          i += __builtin_ctz(high);  // the ASCII before the first other byte resets nothing more
          break;
        }
        i += 16;
      }
      if (i >= length) break;
    }
    // Arabic-script text (U+0600–U+06FF: leads D8–DB; ZWNJ; « ») mixed with ASCII cannot
    // hold a suspect, and neither can its start when the characters before it are Arabic-script
    // or unclassed: skip sixteen bytes at a time, then step back three characters and
    // scan those with a fresh state (they are all Arabic-script or ASCII, so they restore
    // exactly the state a character after them needs).
    if (i >= rescan_end && (c1 == 0 || (c1 & 4)) && (c2 == 0 || (c2 & 4)) && (c3 == 0 || (c3 & 4))) {
      const int64_t entry = i;
      const __m128i below_c0 = _mm_set1_epi8(-64), minus_one = _mm_set1_epi8(-1);
      const __m128i mask_fc = _mm_set1_epi8(static_cast<char>(0xFC)), d8 = _mm_set1_epi8(static_cast<char>(0xD8));
      const __m128i e2 = _mm_set1_epi8(static_cast<char>(0xE2)), x80 = _mm_set1_epi8(static_cast<char>(0x80));
      const __m128i x8c = _mm_set1_epi8(static_cast<char>(0x8C)), xc2 = _mm_set1_epi8(static_cast<char>(0xC2));
      const __m128i xab = _mm_set1_epi8(static_cast<char>(0xAB)), xbb = _mm_set1_epi8(static_cast<char>(0xBB));
      while (i + 18 <= length) {
        const __m128i c = _mm_loadu_si128(reinterpret_cast<const __m128i *>(src + i));
        const __m128i n1 = _mm_loadu_si128(reinterpret_cast<const __m128i *>(src + i + 1));
        const __m128i n2 = _mm_loadu_si128(reinterpret_cast<const __m128i *>(src + i + 2));
        // ASCII, continuation bytes, leads D8–DB, ZWNJ (E2 80 8C) and « » (C2 AB, C2 BB).
        const __m128i zwnj = _mm_and_si128(_mm_cmpeq_epi8(c, e2), _mm_and_si128(_mm_cmpeq_epi8(n1, x80), _mm_cmpeq_epi8(n2, x8c)));
        const __m128i quote = _mm_and_si128(_mm_cmpeq_epi8(c, xc2), _mm_or_si128(_mm_cmpeq_epi8(n1, xab), _mm_cmpeq_epi8(n1, xbb)));
        const __m128i ok = _mm_or_si128(
          _mm_or_si128(_mm_or_si128(_mm_cmpgt_epi8(c, minus_one), _mm_cmplt_epi8(c, below_c0)),
                       _mm_cmpeq_epi8(_mm_and_si128(c, mask_fc), d8)),
          _mm_or_si128(zwnj, quote));
        if (_mm_movemask_epi8(ok) != 0xFFFF) break;
        i += 16;
      }
      if (i != entry) {
        rescan_end = i;
        int starts = 0;
        while (starts < 3 && i > entry) {
          --i;
          if ((src[i] & 0xC0) != 0x80) ++starts;
        }
        c1 = c2 = c3 = 0;
        if (i >= length) break;
      }
    }
#endif
    const uint8_t b = src[i];
    uint32_t v;
    int width;
    if (b < 0x80) {
      if (b == 0x20 && (c1 & 32)) return s1;  // Ã before a space: à whose A0 became a space
      c1 = c2 = c3 = 0;
      ++i;
      continue;
    } else if (b < 0xE0) {
      v = (b & 0x1F) << 6 | (src[i + 1] & 0x3F);
      width = 2;
    } else if (b < 0xF0) {
      v = (b & 0x0F) << 12 | (src[i + 1] & 0x3F) << 6 | (src[i + 2] & 0x3F);
      width = 3;
    } else {
      v = 0x10000;  // supplementary: in no single-byte charset
      width = 4;
    }
    if (v >= 0x80 && v <= 0x9F) return i;
    const uint8_t cls = v < 0x10000 ? classes[v] : 0;
    if (cls & 2) {
      // Runs of Arabic-script text are never mojibake of themselves.
      const bool arabic = cls & 4;
      if ((c1 & 1) && !(arabic && (c1 & 4))) return s1;
      if ((c2 & 8) && (c1 & 2) && !(arabic && (c1 & 4) && (c2 & 4))) return s2;
      if ((c3 & 16) && (c2 & 2) && (c1 & 2) && !(arabic && (c1 & 4) && (c2 & 4) && (c3 & 4))) return s3;
    }
    c3 = c2; s3 = s2;
    c2 = c1; s2 = s1;
    c1 = cls; s1 = i;
    i += width;
  }
  return -1;
}
