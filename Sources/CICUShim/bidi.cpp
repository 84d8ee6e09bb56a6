// The Unicode Bidirectional Algorithm (ubidi). ubidi works on UTF-16: the object keeps
// the converted text (ubidi_setPara does not copy it) and maps between UTF-16 units,
// scalars and UTF-8 offsets so that callers only ever see scalars and UTF-8.

#include "cicu_shim.h"
#include "internal.h"

#include <new>
#include <stdlib.h>
#include <vector>
#include <unicode/ubidi.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

struct cicu_bidi {
  UBiDi *bidi = nullptr;
  std::vector<UChar> text;
  std::vector<int32_t> unitToScalar;   // UTF-16 index -> scalar index (size units + 1)
  std::vector<int32_t> scalarToUnit;   // scalar index -> UTF-16 index (size scalars + 1)
  std::vector<int32_t> scalarToUTF8;   // scalar index -> UTF-8 offset (size scalars + 1)
};

extern "C" cicu_bidi *cicu_bidi_open(int32_t *status) {
  UErrorCode &ec = cicu::code(status);
  if (U_FAILURE(ec)) return nullptr;
  cicu_bidi *b = new (std::nothrow) cicu_bidi();
  if (b == nullptr) {
    ec = U_MEMORY_ALLOCATION_ERROR;
    return nullptr;
  }
  b->bidi = ubidi_open();
  if (b->bidi == nullptr) {
    delete b;
    ec = U_MEMORY_ALLOCATION_ERROR;
    return nullptr;
  }
  return b;
}

extern "C" void cicu_bidi_close(cicu_bidi *b) {
  if (b == nullptr) return;
  ubidi_close(b->bidi);
  delete b;
}

extern "C" void cicu_bidi_set_paragraph(cicu_bidi *b, const uint8_t *src, int32_t length,
                                        uint8_t paragraphLevel, int32_t *status) {
  UErrorCode &ec = cicu::code(status);
  if (U_FAILURE(ec)) return;
  b->text.clear();
  b->unitToScalar.clear();
  b->scalarToUnit.clear();
  b->scalarToUTF8.clear();
  b->text.reserve(static_cast<size_t>(length));
  int32_t i = 0, scalar = 0;
  while (i < length) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(src, i, length, c);
    if (c < 0) c = 0xFFFD;
    b->scalarToUnit.push_back(static_cast<int32_t>(b->text.size()));
    b->scalarToUTF8.push_back(start);
    if (c <= 0xFFFF) {
      b->text.push_back(static_cast<UChar>(c));
      b->unitToScalar.push_back(scalar);
    } else {
      b->text.push_back(U16_LEAD(c));
      b->text.push_back(U16_TRAIL(c));
      b->unitToScalar.push_back(scalar);
      b->unitToScalar.push_back(scalar);
    }
    ++scalar;
  }
  b->scalarToUnit.push_back(static_cast<int32_t>(b->text.size()));
  b->scalarToUTF8.push_back(length);
  b->unitToScalar.push_back(scalar);
  static const UChar empty = 0;  // ubidi_setPara rejects NULL text even with length 0
  ubidi_setPara(b->bidi, b->text.empty() ? &empty : b->text.data(),
                static_cast<int32_t>(b->text.size()), paragraphLevel, nullptr, &ec);
}

extern "C" int32_t cicu_bidi_scalar_count(const cicu_bidi *b) {
  return b->scalarToUnit.empty() ? 0 : static_cast<int32_t>(b->scalarToUnit.size()) - 1;
}

extern "C" uint8_t cicu_bidi_paragraph_level(const cicu_bidi *b) { return ubidi_getParaLevel(b->bidi); }

extern "C" int32_t cicu_bidi_direction(const cicu_bidi *b) { return ubidi_getDirection(b->bidi); }

extern "C" int32_t cicu_bidi_paragraph_count(cicu_bidi *b, int32_t *status) {
  UErrorCode &ec = cicu::code(status);
  if (U_FAILURE(ec)) return 0;
  return ubidi_countParagraphs(b->bidi);
}

extern "C" void cicu_bidi_paragraph(cicu_bidi *b, int32_t index, int32_t *scalarStart,
                                    int32_t *scalarLimit, uint8_t *level, int32_t *status) {
  UErrorCode &ec = cicu::code(status);
  if (U_FAILURE(ec)) return;
  int32_t start = 0, limit = 0;
  UBiDiLevel l = 0;
  ubidi_getParagraphByIndex(b->bidi, index, &start, &limit, &l, &ec);
  if (U_FAILURE(ec)) return;
  *scalarStart = b->unitToScalar[start];
  *scalarLimit = b->unitToScalar[limit];
  *level = l;
}

extern "C" void cicu_bidi_levels(cicu_bidi *b, uint8_t *out, int32_t *status) {
  UErrorCode &ec = cicu::code(status);
  if (U_FAILURE(ec)) return;
  int32_t count = cicu_bidi_scalar_count(b);
  if (count == 0) return;
  const UBiDiLevel *levels = ubidi_getLevels(b->bidi, &ec);
  if (U_FAILURE(ec)) return;
  for (int32_t s = 0; s < count; ++s) out[s] = levels[b->scalarToUnit[s]];
}

extern "C" void cicu_bidi_visual_order(cicu_bidi *b, int32_t *out, int32_t *status) {
  UErrorCode &ec = cicu::code(status);
  if (U_FAILURE(ec)) return;
  int32_t units = static_cast<int32_t>(b->text.size());
  if (units == 0) return;
  int32_t resultLength = ubidi_getResultLength(b->bidi);
  if (U_FAILURE(ec)) return;
  std::vector<int32_t> map(static_cast<size_t>(resultLength));
  if (U_FAILURE(ec)) return;
  ubidi_getVisualMap(b->bidi, map.data(), &ec);
  if (U_FAILURE(ec)) return;
  int32_t n = 0, count = cicu_bidi_scalar_count(b);
  for (int32_t logical : map) {
    if (logical < 0 || logical >= units) continue;
    // Emit each scalar once: skip the second unit of a surrogate pair.
    if (logical > 0 && b->unitToScalar[logical] == b->unitToScalar[logical - 1]) continue;
    if (n < count) out[n++] = b->unitToScalar[logical];
  }
}

extern "C" int32_t cicu_bidi_run_count(cicu_bidi *b, int32_t *status) {
  UErrorCode &ec = cicu::code(status);
  if (U_FAILURE(ec)) return 0;
  if (b->text.empty()) return 0;
  return ubidi_countRuns(b->bidi, &ec);
}

extern "C" void cicu_bidi_run(cicu_bidi *b, int32_t visualIndex, int32_t *scalarStart,
                              int32_t *scalarLength, int32_t *utf8Start, int32_t *utf8Length,
                              uint8_t *level, int32_t *status) {
  UErrorCode &ec = cicu::code(status);
  if (U_FAILURE(ec)) return;
  int32_t start = 0, length = 0;
  ubidi_getVisualRun(b->bidi, visualIndex, &start, &length);
  if (length <= 0) {
    ec = U_INDEX_OUTOFBOUNDS_ERROR;
    return;
  }
  int32_t first = b->unitToScalar[start];
  int32_t limit = b->unitToScalar[start + length];
  *scalarStart = first;
  *scalarLength = limit - first;
  *utf8Start = b->scalarToUTF8[first];
  *utf8Length = b->scalarToUTF8[limit] - b->scalarToUTF8[first];
  *level = ubidi_getLevelAt(b->bidi, start);
}

extern "C" int32_t cicu_bidi_write_reordered(cicu_bidi *b, uint16_t options, uint8_t **out,
                                             int32_t *status) {
  UErrorCode &ec = cicu::code(status);
  *out = nullptr;
  if (U_FAILURE(ec)) return 0;
  if (b->text.empty()) {
    int32_t n = 0;
    *out = cicu::copyUTF8(nullptr, 0, &n, ec);
    return n;
  }
  int32_t needed = ubidi_writeReordered(b->bidi, nullptr, 0, options, &ec);
  if (ec == U_BUFFER_OVERFLOW_ERROR) ec = U_ZERO_ERROR;
  if (U_FAILURE(ec)) return 0;
  std::vector<UChar> visual(static_cast<size_t>(needed) + 1);
  int32_t written = ubidi_writeReordered(b->bidi, visual.data(), needed + 1, options, &ec);
  if (U_FAILURE(ec)) return 0;
  int32_t n = 0;
  *out = cicu::copyUTF8(visual.data(), written, &n, ec);
  return n;
}
