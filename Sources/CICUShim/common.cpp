// Errors, memory and version information.

#include "cicu_shim.h"
#include "internal.h"

#include <stdlib.h>
#include <unicode/uchar.h>
#include <unicode/uversion.h>
#include <unicode/utypes.h>
#include <unicode/ustring.h>

extern "C" const char *cicu_error_name(int32_t status) {
  return u_errorName(static_cast<UErrorCode>(status));
}

extern "C" void cicu_free(void *pointer) { free(pointer); }

extern "C" const char *cicu_icu_version(void) {
  static char text[U_MAX_VERSION_STRING_LENGTH];
  static bool once = [] {
    UVersionInfo info;
    u_getVersion(info);
    u_versionToString(info, text);
    return true;
  }();
  (void)once;
  return text;
}

extern "C" const char *cicu_unicode_version(void) {
  static char text[U_MAX_VERSION_STRING_LENGTH];
  static bool once = [] {
    UVersionInfo info;
    u_getUnicodeVersion(info);
    u_versionToString(info, text);
    return true;
  }();
  (void)once;
  return text;
}

namespace cicu {

uint8_t *copyUTF8(const icu::UnicodeString &string, int32_t *outLength, UErrorCode &status) {
  *outLength = 0;
  if (U_FAILURE(status)) return nullptr;
  int32_t needed = 0;
  u_strToUTF8(nullptr, 0, &needed, string.getBuffer(), string.length(), &status);
  if (status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING) {
    status = U_ZERO_ERROR;
  }
  if (U_FAILURE(status)) return nullptr;
  uint8_t *buffer = static_cast<uint8_t *>(malloc(static_cast<size_t>(needed) + 1));
  if (buffer == nullptr) {
    status = U_MEMORY_ALLOCATION_ERROR;
    return nullptr;
  }
  u_strToUTF8(reinterpret_cast<char *>(buffer), needed + 1, outLength, string.getBuffer(),
              string.length(), &status);
  if (U_FAILURE(status)) {
    free(buffer);
    *outLength = 0;
    return nullptr;
  }
  return buffer;
}

uint8_t *copyUTF8(const UChar *units, int32_t length, int32_t *outLength, UErrorCode &status) {
  icu::UnicodeString alias(false, units, length);
  return copyUTF8(alias, outLength, status);
}

}  // namespace cicu
