// Spoof checking (uspoof, UTS #39: Unicode Security Mechanisms).

#include "cicu_shim.h"
#include "internal.h"

#include <cstdlib>
#include <cstring>
#include <unicode/uspoof.h>

static_assert(CICU_SPOOF_MIXED_SCRIPT_CONFUSABLE == USPOOF_MIXED_SCRIPT_CONFUSABLE, "uspoof checks");
static_assert(CICU_SPOOF_RESTRICTION_LEVEL == USPOOF_RESTRICTION_LEVEL, "uspoof checks");
static_assert(CICU_SPOOF_RESTRICTION_LEVEL_MASK == USPOOF_RESTRICTION_LEVEL_MASK, "uspoof checks");

static const USpoofChecker *cast(const cicu_spoof_checker *checker) {
  return reinterpret_cast<const USpoofChecker *>(checker);
}

extern "C" cicu_spoof_checker *cicu_spoof_open(int32_t checks, int32_t restrictionLevel, int32_t *status) {
  UErrorCode &ec = cicu::code(status);
  if (U_FAILURE(ec)) return nullptr;
  USpoofChecker *checker = uspoof_open(&ec);
  if (U_FAILURE(ec)) return nullptr;
  uspoof_setChecks(checker, checks, &ec);
  if (restrictionLevel != 0) uspoof_setRestrictionLevel(checker, static_cast<URestrictionLevel>(restrictionLevel));
  if (U_FAILURE(ec)) {
    uspoof_close(checker);
    return nullptr;
  }
  return reinterpret_cast<cicu_spoof_checker *>(checker);
}

extern "C" void cicu_spoof_close(cicu_spoof_checker *checker) {
  uspoof_close(reinterpret_cast<USpoofChecker *>(checker));
}

extern "C" int32_t cicu_spoof_check_utf8(const cicu_spoof_checker *checker, const uint8_t *src, int32_t length,
                                         int32_t *status) {
  UErrorCode &ec = cicu::code(status);
  if (U_FAILURE(ec)) return 0;
  return uspoof_check2UTF8(cast(checker), reinterpret_cast<const char *>(src), length, nullptr, &ec);
}

extern "C" int32_t cicu_spoof_are_confusable_utf8(const cicu_spoof_checker *checker, const uint8_t *a,
                                                  int32_t aLength, const uint8_t *b, int32_t bLength,
                                                  int32_t *status) {
  UErrorCode &ec = cicu::code(status);
  if (U_FAILURE(ec)) return 0;
  return uspoof_areConfusableUTF8(cast(checker), reinterpret_cast<const char *>(a), aLength,
                                  reinterpret_cast<const char *>(b), bLength, &ec);
}

extern "C" int32_t cicu_spoof_skeleton_utf8(const cicu_spoof_checker *checker, const uint8_t *src, int32_t length,
                                            uint8_t **out, int32_t *status) {
  UErrorCode &ec = cicu::code(status);
  *out = nullptr;
  if (U_FAILURE(ec)) return 0;
  const char *id = reinterpret_cast<const char *>(src);
  // A skeleton is rarely much longer than its input; retry once with ICU's length.
  int32_t capacity = length * 3 + 16;
  for (int attempt = 0; attempt < 2; attempt++) {
    char *buffer = static_cast<char *>(malloc(static_cast<size_t>(capacity) + 1));
    if (buffer == nullptr) {
      ec = U_MEMORY_ALLOCATION_ERROR;
      return 0;
    }
    UErrorCode local = U_ZERO_ERROR;
    int32_t n = uspoof_getSkeletonUTF8(cast(checker), 0, id, length, buffer, capacity, &local);
    if (local == U_BUFFER_OVERFLOW_ERROR && attempt == 0) {
      free(buffer);
      capacity = n;
      continue;
    }
    if (U_FAILURE(local)) {
      free(buffer);
      ec = local;
      return 0;
    }
    buffer[n] = 0;
    *out = reinterpret_cast<uint8_t *>(buffer);
    return n;
  }
  ec = U_INTERNAL_PROGRAM_ERROR;
  return 0;
}
