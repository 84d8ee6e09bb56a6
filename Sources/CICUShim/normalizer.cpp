// Normalization on UTF-8 through icu::Normalizer2 (the C API has no UTF-8 entry point).

#include "cicu_shim.h"
#include "internal.h"

#include <mutex>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <string.h>
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>

using icu::Normalizer2;

extern "C" const void *cicu_normalizer_instance(int32_t form, int32_t *status) {
  UErrorCode &ec = cicu::code(status);
  if (U_FAILURE(ec)) return nullptr;
  switch (form) {
    case CICU_NORM_NFC: return Normalizer2::getNFCInstance(ec);
    case CICU_NORM_NFD: return Normalizer2::getNFDInstance(ec);
    case CICU_NORM_NFKC: return Normalizer2::getNFKCInstance(ec);
    case CICU_NORM_NFKD: return Normalizer2::getNFKDInstance(ec);
    case CICU_NORM_NFKC_CASEFOLD: return Normalizer2::getNFKCCasefoldInstance(ec);
    default:
      ec = U_ILLEGAL_ARGUMENT_ERROR;
      return nullptr;
  }
}

extern "C" int32_t cicu_normalizer_is_normalized_utf8(const void *normalizer, const uint8_t *src,
                                                      int32_t length, int32_t *status) {
  UErrorCode &ec = cicu::code(status);
  if (U_FAILURE(ec)) return 0;
  auto n = static_cast<const Normalizer2 *>(normalizer);
  icu::StringPiece piece(reinterpret_cast<const char *>(src), length);
  return n->isNormalizedUTF8(piece, ec) ? 1 : 0;
}

extern "C" int32_t cicu_normalizer_normalize_utf8(const void *normalizer, const uint8_t *src,
                                                  int32_t length, uint8_t *dest,
                                                  int32_t capacity, int32_t *status) {
  UErrorCode &ec = cicu::code(status);
  if (U_FAILURE(ec)) return 0;
  auto n = static_cast<const Normalizer2 *>(normalizer);
  icu::StringPiece piece(reinterpret_cast<const char *>(src), length);
  icu::CheckedArrayByteSink sink(reinterpret_cast<char *>(dest), capacity);
  n->normalizeUTF8(0, piece, sink, nullptr, ec);
  if (U_FAILURE(ec)) return 0;
  if (sink.Overflowed()) ec = U_BUFFER_OVERFLOW_ERROR;
  return sink.NumberOfBytesAppended();
}

extern "C" int32_t cicu_normalizer_has_boundary_before(const void *normalizer, uint32_t scalar) {
  return static_cast<const Normalizer2 *>(normalizer)->hasBoundaryBefore(static_cast<UChar32>(scalar)) ? 1 : 0;
}

namespace {

// For each form, which code points are "simple": they have a normalization boundary
// before them and are unchanged by the form on their own, so a run of them is
// normalized whatever its neighbours. Two-byte UTF-8 sequences are looked up by their
// raw bytes (no decoding), three-byte ones by code point.
struct SimpleTable {
  uint8_t ascii[0x80];
  uint8_t pairs[0x10000];   // [lead << 8 | trail] for lead C2..DF
  uint8_t bits[0x10000 / 8];
  bool asciiSimple;  // every ASCII character is simple (all forms but NFKC_Casefold)

  // For the 16-byte vector scan (well-formed input only). Two-byte leads C2..DF are
  // "free" (every trail simple), "ranged" (bad trails within two ranges, the second
  // widened to cover any more: conservative; at most six such leads, Arabic first), or
  // neither (a chunk holding one goes to the exact scalar loop).
  bool vectorUsable;
  uint8_t freeLo[8], freeHi[8];  // lead ranges whose every trail is simple
  int freeCount;
  uint8_t rangedLead[6], badLo[6][2], badHi[6][2];
  int rangedCount;
#if defined(__SSE2__)
  // The ranged leads' bytes and biased trail bounds as vectors, built once.
  __m128i leadV[6], lo0V[6], hi0V[6], lo1V[6], hi1V[6];
#endif
  uint8_t arabicRanged[6];  // indexes of the ranged leads among D8..DB
  int arabicRangedCount;
  bool arabicAllKnown;  // each of D8..DB is free or ranged
  bool joinersSimple;  // ZWNJ and ZWJ (E2 80 8C/8D) are simple
  const Normalizer2 *normalizer;  // for the blocks filled on first use (null if ICU failed)
};

SimpleTable *tables[5];
std::once_flag onces[5];
// The bits of code points U+0800..U+FFFF are filled a block of 256 at a time, the first
// time a scan meets one of its code points (each block once, whichever thread asks):
// a process that meets no CJK text, say, never asks ICU about it. Start-up then asks
// about 2,300 code points instead of 63,000 (0.9 ms for NFC).
std::once_flag blockOnces[5][256];

// Whether `c` is simple for `n`: a boundary before it, and unchanged on its own. A code
// point without a mapping of the form (no decomposition, no case fold) is unchanged on
// its own: only the others need the slower isNormalized.
bool isSimple(const Normalizer2 *n, UChar32 c, icu::UnicodeString &mapping) {
  if (!n->hasBoundaryBefore(c)) return false;
  if (n->getDecomposition(c, mapping)) {
    UErrorCode e = U_ZERO_ERROR;
    if (!n->isNormalized(icu::UnicodeString(c), e) || U_FAILURE(e)) return false;
  }
  return true;
}

// Fills the bits of the 256 code points of `block` (at least 8: U+0800 and up).
void fillBlock(SimpleTable *t, int block) {
  if (t->normalizer == nullptr) return;
  icu::UnicodeString mapping;
  for (UChar32 c = block << 8; c < (block + 1) << 8; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    if (isSimple(t->normalizer, c, mapping)) t->bits[c >> 3] |= uint8_t(1u << (c & 7));
  }
}

void buildTable(int32_t form) {
  UErrorCode ec = U_ZERO_ERROR;
  auto n = static_cast<const Normalizer2 *>(cicu_normalizer_instance(form, reinterpret_cast<int32_t *>(&ec)));
  auto t = new SimpleTable();
  memset(t, 0, sizeof *t);
  t->normalizer = n != nullptr && U_SUCCESS(ec) ? n : nullptr;
  if (t->normalizer != nullptr) {
    icu::UnicodeString mapping;
    // One and two bytes of UTF-8 here; the rest block by block (fillBlock).
    for (UChar32 c = 0; c < 0x800; ++c) {
      if (!isSimple(n, c, mapping)) continue;
      t->bits[c >> 3] |= uint8_t(1u << (c & 7));
      if (c < 0x80) {
        t->ascii[c] = 1;
      } else if (c < 0x800) {
        t->pairs[(0xC0 | (c >> 6)) << 8 | (0x80 | (c & 0x3F))] = 1;
      }
    }
  }
  t->asciiSimple = true;
  for (int c = 0; c < 0x80; ++c) t->asciiSimple = t->asciiSimple && t->ascii[c];
  // Lead classes for the vector scan.
  auto badTrails = [&](int l) {
    int bad = 0;
    for (int trail = 0x80; trail < 0xC0; ++trail) bad += !t->pairs[l << 8 | trail];
    return bad;
  };
  t->freeCount = 0;
  t->rangedCount = 0;
  t->vectorUsable = t->asciiSimple;
  for (int lead = 0xC2; lead <= 0xDF;) {
    if (badTrails(lead) != 0) {
      ++lead;
      continue;
    }
    int start = lead;
    while (lead <= 0xDF && badTrails(lead) == 0) ++lead;
    if (t->freeCount < 8) {
      t->freeLo[t->freeCount] = uint8_t(start);
      t->freeHi[t->freeCount] = uint8_t(lead - 1);
      ++t->freeCount;
    }
  }
  // Leads with some bad trails, Arabic first (Matn's text), then the rest in order,
  // each as at most two ranges of bad trails (the second absorbs any more: conservative).
  static const uint8_t order[] = {0xD8, 0xD9, 0xDB, 0xDA, 0xCD, 0xCE, 0xD2, 0xD6, 0xD7, 0xDC, 0xDD, 0xDF,
                                  0xC2, 0xC3, 0xC4, 0xC5, 0xC6, 0xC7, 0xC8, 0xC9, 0xCA, 0xCB, 0xCC,
                                  0xCF, 0xD0, 0xD1, 0xD3, 0xD4, 0xD5, 0xDE};
  for (uint8_t lead : order) {
    int bad = badTrails(lead);
    if (bad == 0 || bad == 64 || t->rangedCount == 6) continue;
    int r = t->rangedCount++;
    t->rangedLead[r] = lead;
    int ranges = 0;
    for (int trail = 0x80; trail < 0xC0; ++trail) {
      if (t->pairs[lead << 8 | trail]) continue;
      int end = trail;
      while (end + 1 < 0xC0 && !t->pairs[lead << 8 | (end + 1)]) ++end;
      if (ranges < 2) {
        t->badLo[r][ranges] = uint8_t(trail);
        t->badHi[r][ranges] = uint8_t(end);
        ++ranges;
      } else {
        t->badHi[r][1] = uint8_t(end);
      }
      trail = end;
    }
    if (ranges == 1) {
      t->badLo[r][1] = t->badLo[r][0];
      t->badHi[r][1] = t->badHi[r][0];
    }
  }
#if defined(__SSE2__)
  for (int r = 0; r < t->rangedCount; ++r) {
    t->leadV[r] = _mm_set1_epi8(char(t->rangedLead[r]));
    t->lo0V[r] = _mm_set1_epi8(char(t->badLo[r][0] ^ 0x80));
    t->hi0V[r] = _mm_set1_epi8(char(t->badHi[r][0] ^ 0x80));
    t->lo1V[r] = _mm_set1_epi8(char(t->badLo[r][1] ^ 0x80));
    t->hi1V[r] = _mm_set1_epi8(char(t->badHi[r][1] ^ 0x80));
  }
#endif
  t->arabicRangedCount = 0;
  t->arabicAllKnown = true;
  for (int lead = 0xD8; lead <= 0xDB; ++lead) {
    bool known = badTrails(lead) == 0;
    for (int r = 0; r < t->rangedCount; ++r) {
      if (t->rangedLead[r] == lead) {
        t->arabicRanged[t->arabicRangedCount++] = uint8_t(r);
        known = true;
      }
    }
    t->arabicAllKnown = t->arabicAllKnown && known;
  }
  std::call_once(blockOnces[form][0x200C >> 8], fillBlock, t, 0x200C >> 8);  // the joiners' block
  t->joinersSimple = (t->bits[0x200C >> 3] & (1u << (0x200C & 7))) && (t->bits[0x200D >> 3] & (1u << (0x200D & 7)));
  tables[form] = t;  // all clear if ICU failed: then ICU does every check
}

// Whether code point `c` (U+0800..U+FFFF, not a surrogate) is simple in `form`'s table,
// its block filled first if no scan has met it yet.
inline bool simpleAbove800(int32_t form, const SimpleTable &t, uint32_t c) {
  std::call_once(blockOnces[form][c >> 8], fillBlock, const_cast<SimpleTable *>(&t), int(c >> 8));
  return (t.bits[c >> 3] & (1u << (c & 7))) != 0;
}

}  // namespace

#if defined(__SSE2__)
// Whether the 16 bytes at `p` (with two bytes of lookahead) hold only simple code
// points whose sequences start inside the chunk: ASCII, continuation bytes, leads
// whose trail is simple, and ZWNJ/ZWJ. Conservative: false means "ask the scalar loop".
static inline __m128i inRange(__m128i x, uint8_t lo, uint8_t hi) {
  // Unsigned lo <= x <= hi on bytes: signed compares after flipping the top bit.
  const __m128i bias = _mm_set1_epi8(char(0x80));
  const __m128i xb = _mm_xor_si128(x, bias);
  const __m128i outside = _mm_or_si128(_mm_cmplt_epi8(xb, _mm_set1_epi8(char(lo ^ 0x80))),
                                       _mm_cmpgt_epi8(xb, _mm_set1_epi8(char(hi ^ 0x80))));
  return _mm_xor_si128(outside, _mm_set1_epi8(-1));
}

/// Bit mask of the positions holding ranged lead `r` with a bad trail; `c1b` is the
/// next bytes with their top bit flipped (for signed compares).
static inline int badTrails(const SimpleTable &t, int r, __m128i c, __m128i c1b) {
  const __m128i isLead = _mm_cmpeq_epi8(c, t.leadV[r]);
  const __m128i in0 = _mm_andnot_si128(_mm_or_si128(_mm_cmplt_epi8(c1b, t.lo0V[r]), _mm_cmpgt_epi8(c1b, t.hi0V[r])), isLead);
  const __m128i in1 = _mm_andnot_si128(_mm_or_si128(_mm_cmplt_epi8(c1b, t.lo1V[r]), _mm_cmpgt_epi8(c1b, t.hi1V[r])), isLead);
  return _mm_movemask_epi8(_mm_or_si128(in0, in1));
}

static inline bool simpleChunk(const SimpleTable &t, const uint8_t *p) {
  const __m128i c = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
  if (_mm_movemask_epi8(c) == 0) return true;  // all ASCII
  // Lead bytes have their top two bits set (bit 6 moved up to bit 7 by a 16-bit shift).
  const int leads = _mm_movemask_epi8(_mm_and_si128(c, _mm_slli_epi16(c, 1)));
  const __m128i c1 = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + 1));
  // Every lead must be followed by a continuation byte (two-byte leads; E2 80 too).
  if ((leads & ~_mm_movemask_epi8(inRange(c1, 0x80, 0xBF))) != 0) return false;
  // Which leads are accounted for: Arabic leads (checked below), free leads, joiners.
  int known = _mm_movemask_epi8(inRange(c, 0xD8, 0xDB));
  if ((leads & ~known) != 0) {
    for (int r = 0; r < t.freeCount; ++r) known |= _mm_movemask_epi8(inRange(c, t.freeLo[r], t.freeHi[r]));
    for (int r = 0; r < t.rangedCount; ++r) {
      known |= _mm_movemask_epi8(_mm_cmpeq_epi8(c, _mm_set1_epi8(char(t.rangedLead[r]))));
    }
    if (t.joinersSimple) {
      const __m128i c2 = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + 2));
      known |= _mm_movemask_epi8(_mm_and_si128(
          _mm_and_si128(_mm_cmpeq_epi8(c, _mm_set1_epi8(char(0xE2))), _mm_cmpeq_epi8(c1, _mm_set1_epi8(char(0x80)))),
          inRange(c2, 0x8C, 0x8D)));
    }
    if ((leads & ~known) != 0) return false;
    const __m128i c1b = _mm_xor_si128(c1, _mm_set1_epi8(char(0x80)));
    int bad = 0;
    for (int r = 0; r < t.rangedCount; ++r) bad |= badTrails(t, r, c, c1b);
    return bad == 0;
  }
  // Only Arabic leads: check the ranged ones among D8..DB (free ones are fine; an
  // Arabic lead that is neither makes the arabicAllKnown flag false).
  if (!t.arabicAllKnown) return false;
  const __m128i c1b = _mm_xor_si128(c1, _mm_set1_epi8(char(0x80)));
  int bad = 0;
  for (int k = 0; k < t.arabicRangedCount; ++k) bad |= badTrails(t, t.arabicRanged[k], c, c1b);
  return bad == 0;
}
#endif

/// The width of the simple code point at `i`, or 0 when it is not simple (or is
/// supplementary or ill-formed: ICU decides those).
static inline int32_t simpleWidth(int32_t form, const SimpleTable &t, const uint8_t *src, int32_t i,
                                  int32_t length) {
  uint32_t b = src[i];
  if (b < 0x80) return t.ascii[b] ? 1 : 0;
  if (b < 0xE0) return (i + 1 < length && t.pairs[b << 8 | src[i + 1]]) ? 2 : 0;
  if (b < 0xF0 && i + 2 < length && (src[i + 1] & 0xC0) == 0x80 && (src[i + 2] & 0xC0) == 0x80) {
    uint32_t c = (b & 0x0F) << 12 | (src[i + 1] & 0x3F) << 6 | (src[i + 2] & 0x3F);
    if (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF)) return 0;
    return simpleAbove800(form, t, c) ? 3 : 0;
  }
  return 0;
}

/// The scan over well-formed UTF-8 (a Swift String's storage): 16 bytes at a time
/// where the vector test passes, code point by code point through a chunk where it
/// does not.
extern "C" int32_t cicu_normalizer_simple_prefix_valid_utf8(int32_t form, const uint8_t *src, int32_t length) {
  if (form < 0 || form > 4) return 0;
  std::call_once(onces[form], buildTable, form);
  const SimpleTable &t = *tables[form];
  int32_t i = 0;
  int32_t lastStart = -1;  // start of the last simple code point checked one by one
  while (i < length) {
#if defined(__SSE2__)
    if (t.vectorUsable) {
      // Two chunks per step where there is room: a chunk's test covers the leads in it,
      // whatever byte it starts at, so the second needs no alignment.
      while (i + 34 <= length && simpleChunk(t, src + i) && simpleChunk(t, src + i + 16)) {
        const int32_t c32 = (src[i + 32] & 0xC0) == 0x80;
        const int32_t c33 = c32 & ((src[i + 33] & 0xC0) == 0x80);
        i += 32 + c32 + c33;
        lastStart = -1;
      }
      while (i + 18 <= length && simpleChunk(t, src + i)) {
        // Finish the chunk's last sequence (up to two continuation bytes), without a
        // branch: where a chunk ends is random in Persian text.
        const int32_t c16 = (src[i + 16] & 0xC0) == 0x80;
        const int32_t c17 = c16 & ((src[i + 17] & 0xC0) == 0x80);
        i += 16 + c16 + c17;
        lastStart = -1;
      }
    }
#endif
    // Through this chunk one code point at a time.
    int32_t chunkEnd = i + 16 < length ? i + 16 : length;
    while (i < chunkEnd) {
      int32_t w = simpleWidth(form, t, src, i, length);
      if (w == 0) {
        if (i == 0) return 0;
        if (lastStart >= 0) return lastStart;
        // The code point before came through the vector path: find its start.
        int32_t j = i - 1;
        while (j > 0 && (src[j] & 0xC0) == 0x80) --j;
        return j;
      }
      lastStart = i;
      i += w;
    }
  }
  return length;
}

extern "C" int32_t cicu_normalizer_is_simple(int32_t form, uint32_t c) {
  if (form < 0 || form > 4 || c > 0xFFFF || (c >= 0xD800 && c <= 0xDFFF)) return 0;
  std::call_once(onces[form], buildTable, form);
  const SimpleTable &t = *tables[form];
  if (c < 0x800) return (t.bits[c >> 3] >> (c & 7)) & 1;
  return simpleAbove800(form, t, c) ? 1 : 0;
}

extern "C" int32_t cicu_normalizer_simple_prefix_utf8(int32_t form, const uint8_t *src, int32_t length) {
  if (form < 0 || form > 4) return 0;
  std::call_once(onces[form], buildTable, form);
  const SimpleTable &t = *tables[form];
  int32_t i = 0;
  while (i < length) {
    uint32_t b = src[i];
    if (b < 0x80) {
      if (!t.ascii[b]) break;
      i += 1;
      // English runs: eight bytes at a time when every ASCII character is simple.
      if (t.asciiSimple) {
        while (i + 8 <= length) {
          uint64_t word;
          memcpy(&word, src + i, 8);
          if (word & 0x8080808080808080ull) break;
          i += 8;
        }
      }
    } else if (b < 0xE0) {
      if (i + 1 >= length || !t.pairs[b << 8 | src[i + 1]]) break;
      i += 2;
    } else if (b < 0xF0 && i + 2 < length && (src[i + 1] & 0xC0) == 0x80 && (src[i + 2] & 0xC0) == 0x80) {
      uint32_t c = (b & 0x0F) << 12 | (src[i + 1] & 0x3F) << 6 | (src[i + 2] & 0x3F);
      if (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF) || !simpleAbove800(form, t, c)) break;
      i += 3;
    } else {
      break;  // supplementary or ill-formed: leave it to ICU
    }
  }
  if (i >= length) return length;
  // Back up to the start of the last simple code point: a boundary.
  if (i == 0) return 0;
  int32_t j = i - 1;
  while (j > 0 && (src[j] & 0xC0) == 0x80) --j;
  return j;
}

extern "C" int32_t cicu_normalizer_unnormalized_window_valid_utf8(const void *normalizer, int32_t form,
                                                                 const uint8_t *src, int32_t length,
                                                                 int32_t *windowEnd, int32_t *status) {
  UErrorCode &ec = cicu::code(status);
  *windowEnd = length;
  if (U_FAILURE(ec)) return 0;
  if (form < 0 || form > 4) return 0;
  std::call_once(onces[form], buildTable, form);
  const SimpleTable &t = *tables[form];
  auto n = static_cast<const Normalizer2 *>(normalizer);
  int32_t i = 0;
  while (i < length) {
    // Simple code points up to p, the start of the last one before a code point that is
    // not simple (or p == i when that one comes first): a boundary.
    const int32_t p = i + cicu_normalizer_simple_prefix_valid_utf8(form, src + i, length - i);
    if (p >= length) return length;
    // The window: from p past the code points that are not simple, up to the next simple
    // one (a boundary again) or the end.
    int32_t q = p;
    int32_t w = simpleWidth(form, t, src, q, length);
    if (w > 0) q += w;
    while (q < length && simpleWidth(form, t, src, q, length) == 0) {
      const uint8_t b = src[q];
      q += b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    }
    if (q > length) q = length;
    icu::StringPiece piece(reinterpret_cast<const char *>(src + p), q - p);
    const UBool yes = n->isNormalizedUTF8(piece, ec);
    if (U_FAILURE(ec)) return 0;
    if (!yes) {
      *windowEnd = q;
      return p;
    }
    i = q;
  }
  return length;
}
