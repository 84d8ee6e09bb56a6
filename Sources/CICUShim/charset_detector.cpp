// Charset detection (ucsdet). Matn's own detector chooses; this is one input to it.

#include "cicu_shim.h"
#include "internal.h"

#include <unicode/ucsdet.h>

static UCharsetDetector *unwrap(cicu_charset_detector *d) { return reinterpret_cast<UCharsetDetector *>(d); }

extern "C" cicu_charset_detector *cicu_csdet_open(int32_t *status) {
  UErrorCode &ec = cicu::code(status);
  if (U_FAILURE(ec)) return nullptr;
  return reinterpret_cast<cicu_charset_detector *>(ucsdet_open(&ec));
}

extern "C" void cicu_csdet_close(cicu_charset_detector *detector) { ucsdet_close(unwrap(detector)); }

extern "C" int32_t cicu_csdet_detect(cicu_charset_detector *detector, const uint8_t *src,
                                     int32_t length, const char **names, const char **languages,
                                     int32_t *confidences, int32_t capacity, int32_t *status) {
  UErrorCode &ec = cicu::code(status);
  if (U_FAILURE(ec)) return 0;
  UCharsetDetector *d = unwrap(detector);
  ucsdet_setText(d, reinterpret_cast<const char *>(src), length, &ec);
  int32_t found = 0;
  const UCharsetMatch **matches = ucsdet_detectAll(d, &found, &ec);
  if (U_FAILURE(ec) || matches == nullptr) {
    if (ec == U_INVALID_CHAR_FOUND) ec = U_ZERO_ERROR;  // nothing matched
    return 0;
  }
  int32_t n = found < capacity ? found : capacity;
  for (int32_t i = 0; i < n; ++i) {
    names[i] = ucsdet_getName(matches[i], &ec);
    languages[i] = ucsdet_getLanguage(matches[i], &ec);
    confidences[i] = ucsdet_getConfidence(matches[i], &ec);
  }
  return U_FAILURE(ec) ? 0 : n;
}
