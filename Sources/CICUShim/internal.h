// Helpers shared by the shim's C++ files. Not part of the public header.

#ifndef CICU_SHIM_INTERNAL_H
#define CICU_SHIM_INTERNAL_H

#include <stdint.h>
#include <unicode/unistr.h>
#include <unicode/utypes.h>

namespace cicu {

/// Converts UTF-16 to a new malloc'd, NUL-terminated UTF-8 buffer.
uint8_t *copyUTF8(const icu::UnicodeString &string, int32_t *outLength, UErrorCode &status);
uint8_t *copyUTF8(const UChar *units, int32_t length, int32_t *outLength, UErrorCode &status);

inline UErrorCode &code(int32_t *status) { return *reinterpret_cast<UErrorCode *>(status); }

}  // namespace cicu

#endif
