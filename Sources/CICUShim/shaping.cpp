// Arabic shaping (u_shapeArabic): contextual letter forms as presentation forms, for
// terminals that draw each code point alone.

#include "cicu_shim.h"
#include "internal.h"

#include <unicode/ushape.h>
#include <unicode/ustring.h>

#include <vector>

static_assert(CICU_SHAPE_LETTERS_SHAPE == U_SHAPE_LETTERS_SHAPE, "shim constant");
static_assert(CICU_SHAPE_TEXT_DIRECTION_LOGICAL == U_SHAPE_TEXT_DIRECTION_LOGICAL, "shim constant");
static_assert(CICU_SHAPE_LENGTH_GROW_SHRINK == U_SHAPE_LENGTH_GROW_SHRINK, "shim constant");

extern "C" int32_t cicu_shape_arabic_utf8(const uint8_t *src, int32_t length, uint32_t options, uint8_t **out,
                                          int32_t *status) {
  UErrorCode &ec = cicu::code(status);
  *out = nullptr;
  if (U_FAILURE(ec)) return 0;
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
    icu::StringPiece(reinterpret_cast<const char *>(src), length));
  // Shaping never needs more room than twice the input (lam-alef expansion is the
  // only growth, and only with the options that allow it).
  std::vector<UChar> shaped(static_cast<size_t>(text.length()) * 2 + 16);
  int32_t n = u_shapeArabic(text.getBuffer(), text.length(), shaped.data(), static_cast<int32_t>(shaped.size()),
                            options, &ec);
  if (U_FAILURE(ec)) return 0;
  int32_t outLength = 0;
  *out = cicu::copyUTF8(shaped.data(), n, &outLength, ec);
  return outLength;
}
