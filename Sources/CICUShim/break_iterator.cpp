// Break iteration over UTF-8 through UText (boundaries are UTF-8 byte offsets).

#include "cicu_shim.h"
#include "internal.h"

#include <unicode/ubrk.h>
#include <unicode/utext.h>

static UBreakIterator *unwrap(cicu_break_iterator *b) { return reinterpret_cast<UBreakIterator *>(b); }

extern "C" cicu_break_iterator *cicu_brk_open(int32_t kind, const char *locale, int32_t *status) {
  UErrorCode &ec = cicu::code(status);
  if (U_FAILURE(ec)) return nullptr;
  UBreakIteratorType type;
  switch (kind) {
    case CICU_BREAK_CHARACTER: type = UBRK_CHARACTER; break;
    case CICU_BREAK_WORD: type = UBRK_WORD; break;
    case CICU_BREAK_LINE: type = UBRK_LINE; break;
    case CICU_BREAK_SENTENCE: type = UBRK_SENTENCE; break;
    default: ec = U_ILLEGAL_ARGUMENT_ERROR; return nullptr;
  }
  return reinterpret_cast<cicu_break_iterator *>(ubrk_open(type, locale, nullptr, 0, &ec));
}

extern "C" void cicu_brk_close(cicu_break_iterator *iterator) { ubrk_close(unwrap(iterator)); }

extern "C" int32_t cicu_brk_boundaries_utf8(cicu_break_iterator *iterator, const uint8_t *src,
                                            int32_t length, int32_t after, int32_t *boundaries,
                                            int32_t *ruleStatus, int32_t capacity,
                                            int32_t *status) {
  UErrorCode &ec = cicu::code(status);
  if (U_FAILURE(ec)) return 0;
  if (capacity < 1) {
    ec = U_BUFFER_OVERFLOW_ERROR;
    return 0;
  }
  UBreakIterator *bi = unwrap(iterator);
  static const UChar empty[1] = {0};
  if (after < 0) {
    // The iterator keeps its own shallow clone of the UText (over `src`).
    UText text = UTEXT_INITIALIZER;
    utext_openUTF8(&text, reinterpret_cast<const char *>(src), length, &ec);
    ubrk_setUText(bi, &text, &ec);
    utext_close(&text);
    if (U_FAILURE(ec)) {
      UErrorCode ignored = U_ZERO_ERROR;
      ubrk_setText(bi, empty, 0, &ignored);
      return 0;
    }
  }
  // Resuming: the text is still set and `after` is in the iterator's cache of recent
  // boundaries, so following() does not back up over the text (on one huge line the
  // sentence rules' safe point is the line's start).
  int32_t n = 0;
  for (int32_t b = after < 0 ? ubrk_first(bi) : ubrk_following(bi, after); b != UBRK_DONE && n < capacity;
       b = ubrk_next(bi)) {
    boundaries[n] = b;
    if (ruleStatus) ruleStatus[n] = ubrk_getRuleStatus(bi);
    ++n;
  }
  // Done (the last boundary is the end): detach the iterator from the caller's buffer
  // before it goes away.
  if (n == 0 || boundaries[n - 1] == length || U_FAILURE(ec)) {
    UErrorCode ignored = U_ZERO_ERROR;
    ubrk_setText(bi, empty, 0, &ignored);
  }
  return n;
}
