// Normalization on UTF-8 through icu::Normalizer2 (the C API has no UTF-8 entry point).

#include "cicu_shim.h"
#include "internal.h"

#include <mutex>
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
};

SimpleTable *tables[5];
std::once_flag onces[5];

void buildTable(int32_t form) {
  UErrorCode ec = U_ZERO_ERROR;
  auto n = static_cast<const Normalizer2 *>(cicu_normalizer_instance(form, reinterpret_cast<int32_t *>(&ec)));
  auto t = new SimpleTable();
  memset(t, 0, sizeof *t);
  if (n != nullptr && U_SUCCESS(ec)) {
    for (UChar32 c = 0; c < 0x10000; ++c) {
      if (c >= 0xD800 && c <= 0xDFFF) continue;
      if (!n->hasBoundaryBefore(c)) continue;
      UErrorCode e = U_ZERO_ERROR;
      if (!n->isNormalized(icu::UnicodeString(c), e) || U_FAILURE(e)) continue;
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
  tables[form] = t;  // all clear if ICU failed: then ICU does every check
}

}  // namespace

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
      if (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF) || !(t.bits[c >> 3] & (1u << (c & 7)))) break;
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
