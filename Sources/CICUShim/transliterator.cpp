// Transliteration through icu::Transliterator (UTF-16 inside; UTF-8 at the boundary).

#include "cicu_shim.h"
#include "internal.h"

#include <unicode/parseerr.h>
#include <unicode/translit.h>

using icu::Transliterator;
using icu::UnicodeString;

static Transliterator *unwrap(cicu_transliterator *t) { return reinterpret_cast<Transliterator *>(t); }
static const Transliterator *unwrap(const cicu_transliterator *t) {
  return reinterpret_cast<const Transliterator *>(t);
}
static cicu_transliterator *wrap(Transliterator *t) { return reinterpret_cast<cicu_transliterator *>(t); }

static UnicodeString fromUTF8(const uint8_t *src, int32_t length) {
  return UnicodeString::fromUTF8(icu::StringPiece(reinterpret_cast<const char *>(src), length));
}

extern "C" cicu_transliterator *cicu_translit_open(const uint8_t *id, int32_t idLength,
                                                   const uint8_t *rules, int32_t rulesLength,
                                                   int32_t reverse, int32_t *errorLine,
                                                   int32_t *errorOffset, int32_t *status) {
  UErrorCode &ec = cicu::code(status);
  if (U_FAILURE(ec)) return nullptr;
  UParseError parseError{};
  UTransDirection direction = reverse ? UTRANS_REVERSE : UTRANS_FORWARD;
  Transliterator *result = nullptr;
  if (rules == nullptr) {
    result = Transliterator::createInstance(fromUTF8(id, idLength), direction, parseError, ec);
  } else {
    result = Transliterator::createFromRules(fromUTF8(id, idLength), fromUTF8(rules, rulesLength),
                                             direction, parseError, ec);
  }
  if (errorLine) *errorLine = parseError.line;
  if (errorOffset) *errorOffset = parseError.offset;
  if (U_FAILURE(ec)) {
    delete result;
    return nullptr;
  }
  if (result == nullptr) ec = U_INVALID_ID;
  return wrap(result);
}

extern "C" cicu_transliterator *cicu_translit_clone(const cicu_transliterator *transliterator,
                                                    int32_t *status) {
  UErrorCode &ec = cicu::code(status);
  if (U_FAILURE(ec)) return nullptr;
  Transliterator *copy = unwrap(transliterator)->clone();
  if (copy == nullptr) ec = U_MEMORY_ALLOCATION_ERROR;
  return wrap(copy);
}

extern "C" void cicu_translit_close(cicu_transliterator *transliterator) { delete unwrap(transliterator); }

extern "C" int32_t cicu_translit_utf8(const cicu_transliterator *transliterator, const uint8_t *src,
                                      int32_t length, uint8_t **out, int32_t *status) {
  UErrorCode &ec = cicu::code(status);
  *out = nullptr;
  if (U_FAILURE(ec)) return 0;
  UnicodeString text = fromUTF8(src, length);
  unwrap(transliterator)->transliterate(text);
  int32_t outLength = 0;
  *out = cicu::copyUTF8(text, &outLength, ec);
  return outLength;
}

extern "C" int32_t cicu_translit_id(const cicu_transliterator *transliterator, uint8_t **out,
                                    int32_t *status) {
  UErrorCode &ec = cicu::code(status);
  int32_t outLength = 0;
  *out = cicu::copyUTF8(unwrap(transliterator)->getID(), &outLength, ec);
  return outLength;
}

extern "C" int32_t cicu_translit_available_ids(uint8_t **out, int32_t *status) {
  UErrorCode &ec = cicu::code(status);
  *out = nullptr;
  if (U_FAILURE(ec)) return 0;
  icu::StringEnumeration *ids = Transliterator::getAvailableIDs(ec);
  if (U_FAILURE(ec)) return 0;
  UnicodeString joined;
  const UnicodeString *id;
  while ((id = ids->snext(ec)) != nullptr && U_SUCCESS(ec)) {
    if (!joined.isEmpty()) joined.append((UChar)0x0A);
    joined.append(*id);
  }
  delete ids;
  int32_t outLength = 0;
  *out = cicu::copyUTF8(joined, &outLength, ec);
  return outLength;
}
