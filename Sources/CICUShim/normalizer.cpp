// Normalization on UTF-8 through icu::Normalizer2 (the C API has no UTF-8 entry point).

#include "cicu_shim.h"
#include "internal.h"

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
