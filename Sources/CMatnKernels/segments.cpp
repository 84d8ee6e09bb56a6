// The long-text cut scan (TextNormalizer.segments): the bytes it must look at are
// rare in Persian text, so sixteen are skipped at a time (SSE2). And the allocator
// setting for processes that normalise long texts.

#include "matn_kernels.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

// Whether the byte at `i` stops the scan (see the header).
static inline bool segmentStop(const uint8_t *b, int64_t i, int64_t length, int64_t spacesFrom) {
  const uint8_t c = b[i];
  if (c == 0x0A || c == 0x0D || c == 0x22 || c == 0xC2 || c == 0xE2) return true;
  if (c != 0x20 || i < spacesFrom || i + 1 >= length) return false;
  const uint8_t next = b[i + 1] | 0x20;
  return next >= 0x61 && next <= 0x7A;
}

extern "C" int64_t mk_segment_scan(const uint8_t *b, int64_t from, int64_t length, int64_t spacesFrom) {
  int64_t i = from;
#if defined(__SSE2__)
  const __m128i lf = _mm_set1_epi8(0x0A), cr = _mm_set1_epi8(0x0D), quote = _mm_set1_epi8(0x22);
  const __m128i c2 = _mm_set1_epi8(char(0xC2)), e2 = _mm_set1_epi8(char(0xE2)), space = _mm_set1_epi8(0x20);
  const __m128i low = _mm_set1_epi8(0x60), high = _mm_set1_epi8(0x7B), fold = _mm_set1_epi8(0x20);
  // Sixteen bytes and the byte after each: i + 17 <= length.
  while (i + 17 <= length) {
    const __m128i x = _mm_loadu_si128((const __m128i *)(b + i));
    __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, lf), _mm_cmpeq_epi8(x, cr)),
                               _mm_or_si128(_mm_cmpeq_epi8(x, quote),
                                            _mm_or_si128(_mm_cmpeq_epi8(x, c2), _mm_cmpeq_epi8(x, e2))));
    if (i + 16 > spacesFrom) {
      // A space before an ASCII letter (signed compares: bytes from 0x80 are negative).
      const __m128i y = _mm_or_si128(_mm_loadu_si128((const __m128i *)(b + i + 1)), fold);
      const __m128i letter = _mm_and_si128(_mm_cmpgt_epi8(y, low), _mm_cmplt_epi8(y, high));
      hit = _mm_or_si128(hit, _mm_and_si128(_mm_cmpeq_epi8(x, space), letter));
    }
    if (_mm_movemask_epi8(hit) != 0) {
      // A candidate: the exact check, byte by byte (a space may lie before spacesFrom).
      for (int k = 0; k < 16; ++k) {
        if (segmentStop(b, i + k, length, spacesFrom)) return i + k;
      }
    }
    i += 16;
  }
#endif
  while (i < length && !segmentStop(b, i, length, spacesFrom)) ++i;
  return i;
}

#if defined(__GLIBC__)
#include <malloc.h>
#endif

extern "C" int mk_prefer_heap_for_large_blocks(void) {
#if defined(__GLIBC__)
  return mallopt(M_MMAP_THRESHOLD, 32 << 20) && mallopt(M_TRIM_THRESHOLD, 256 << 20) && mallopt(M_TOP_PAD, 16 << 20);
#else
  return 0;
#endif
}
