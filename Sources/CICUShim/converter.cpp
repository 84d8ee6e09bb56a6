// Charset conversion (ucnv) with byte-exact reporting of invalid input.

#include "cicu_shim.h"
#include "internal.h"

#include <stdlib.h>
#include <string.h>
#include <vector>
#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ustring.h>

static UConverter *unwrap(cicu_converter *c) { return reinterpret_cast<UConverter *>(c); }
static const UConverter *unwrap(const cicu_converter *c) { return reinterpret_cast<const UConverter *>(c); }

extern "C" cicu_converter *cicu_converter_open(const char *name, int32_t *status) {
  UErrorCode &ec = cicu::code(status);
  if (U_FAILURE(ec)) return nullptr;
  UConverter *c = ucnv_open(name, &ec);
  if (U_FAILURE(ec)) return nullptr;
  // ICU returns a fallback converter with only a warning when the name is unknown
  // to the alias table but its data exists; an unknown name is a real failure.
  if (ec == U_AMBIGUOUS_ALIAS_WARNING) ec = U_ZERO_ERROR;
  return reinterpret_cast<cicu_converter *>(c);
}

extern "C" void cicu_converter_close(cicu_converter *converter) { ucnv_close(unwrap(converter)); }

extern "C" const char *cicu_converter_name(const cicu_converter *converter, int32_t *status) {
  UErrorCode &ec = cicu::code(status);
  if (U_FAILURE(ec)) return nullptr;
  return ucnv_getName(unwrap(converter), &ec);
}

namespace {

struct DecodeContext {
  const char *base;
  bool strict;
  std::vector<int32_t> offsets;
};

void U_CALLCONV toUnicodeCallback(const void *context, UConverterToUnicodeArgs *args,
                                  const char *codeUnits, int32_t length,
                                  UConverterCallbackReason reason, UErrorCode *err) {
  if (reason > UCNV_IRREGULAR) return;  // reset, close, clone
  auto ctx = static_cast<DecodeContext *>(const_cast<void *>(context));
  int32_t offset = static_cast<int32_t>(args->source - ctx->base) - length;
  if (offset < 0) offset = 0;
  ctx->offsets.push_back(offset);
  if (ctx->strict) return;  // keep the error: conversion stops here
  *err = U_ZERO_ERROR;
  static const UChar replacement = 0xFFFD;
  ucnv_cbToUWriteUChars(args, &replacement, 1, 0, err);
}

struct EncodeContext {
  const UChar *base;
  bool strict;
  int32_t count = 0;
  int32_t firstUnit = -1;
};

void U_CALLCONV fromUnicodeCallback(const void *context, UConverterFromUnicodeArgs *args,
                                    const UChar *codeUnits, int32_t length, UChar32 codePoint,
                                    UConverterCallbackReason reason, UErrorCode *err) {
  if (reason > UCNV_IRREGULAR) return;
  auto ctx = static_cast<EncodeContext *>(const_cast<void *>(context));
  if (ctx->count++ == 0) ctx->firstUnit = static_cast<int32_t>(args->source - ctx->base) - length;
  if (ctx->strict) return;
  UCNV_FROM_U_CALLBACK_SUBSTITUTE(nullptr, args, codeUnits, length, codePoint, reason, err);
}

}  // namespace

extern "C" int32_t cicu_converter_decode(cicu_converter *converter, const uint8_t *src,
                                         int32_t length, int32_t strict, uint8_t **out,
                                         int32_t **badOffsets, int32_t *badCount,
                                         int32_t *status) {
  UErrorCode &ec = cicu::code(status);
  *out = nullptr;
  *badOffsets = nullptr;
  *badCount = 0;
  if (U_FAILURE(ec)) return 0;
  UConverter *cnv = unwrap(converter);
  ucnv_reset(cnv);
  DecodeContext ctx{reinterpret_cast<const char *>(src), strict != 0, {}};
  UConverterToUCallback oldAction;
  const void *oldContext;
  ucnv_setToUCallBack(cnv, toUnicodeCallback, &ctx, &oldAction, &oldContext, &ec);
  if (U_FAILURE(ec)) return 0;

  std::vector<UChar> units(static_cast<size_t>(length) + 16);
  const char *source = reinterpret_cast<const char *>(src);
  const char *sourceLimit = source + length;
  size_t used = 0;
  for (;;) {
    UChar *target = units.data() + used;
    UChar *targetLimit = units.data() + units.size();
    ucnv_toUnicode(cnv, &target, targetLimit, &source, sourceLimit, nullptr, true, &ec);
    used = static_cast<size_t>(target - units.data());
    if (ec == U_BUFFER_OVERFLOW_ERROR) {
      ec = U_ZERO_ERROR;
      units.resize(units.size() * 2);
      continue;
    }
    break;
  }
  UErrorCode restore = U_ZERO_ERROR;
  ucnv_setToUCallBack(cnv, oldAction, oldContext, nullptr, nullptr, &restore);
  ucnv_reset(cnv);

  if (!ctx.offsets.empty()) {
    *badCount = static_cast<int32_t>(ctx.offsets.size());
    *badOffsets = static_cast<int32_t *>(malloc(ctx.offsets.size() * sizeof(int32_t)));
    if (*badOffsets == nullptr) {
      ec = U_MEMORY_ALLOCATION_ERROR;
      return 0;
    }
    memcpy(*badOffsets, ctx.offsets.data(), ctx.offsets.size() * sizeof(int32_t));
  }
  if (U_FAILURE(ec)) return 0;
  int32_t n = 0;
  *out = cicu::copyUTF8(units.data(), static_cast<int32_t>(used), &n, ec);
  return n;
}

extern "C" int32_t cicu_converter_encode(cicu_converter *converter, const uint8_t *src,
                                         int32_t length, int32_t strict, uint8_t **out,
                                         int32_t *unmappedCount, int32_t *firstUnmappedOffset,
                                         int32_t *status) {
  UErrorCode &ec = cicu::code(status);
  *out = nullptr;
  *unmappedCount = 0;
  *firstUnmappedOffset = -1;
  if (U_FAILURE(ec)) return 0;
  icu::UnicodeString text =
      icu::UnicodeString::fromUTF8(icu::StringPiece(reinterpret_cast<const char *>(src), length));
  UConverter *cnv = unwrap(converter);
  ucnv_reset(cnv);
  EncodeContext ctx{text.getBuffer(), strict != 0};
  UConverterFromUCallback oldAction;
  const void *oldContext;
  ucnv_setFromUCallBack(cnv, fromUnicodeCallback, &ctx, &oldAction, &oldContext, &ec);
  if (U_FAILURE(ec)) return 0;

  size_t capacity = static_cast<size_t>(text.length()) * 2 + 16;
  std::vector<char> bytes(capacity);
  const UChar *source = text.getBuffer();
  const UChar *sourceLimit = source + text.length();
  size_t used = 0;
  for (;;) {
    char *target = bytes.data() + used;
    char *targetLimit = bytes.data() + bytes.size();
    ucnv_fromUnicode(cnv, &target, targetLimit, &source, sourceLimit, nullptr, true, &ec);
    used = static_cast<size_t>(target - bytes.data());
    if (ec == U_BUFFER_OVERFLOW_ERROR) {
      ec = U_ZERO_ERROR;
      bytes.resize(bytes.size() * 2);
      continue;
    }
    break;
  }
  UErrorCode restore = U_ZERO_ERROR;
  ucnv_setFromUCallBack(cnv, oldAction, oldContext, nullptr, nullptr, &restore);
  ucnv_reset(cnv);

  *unmappedCount = ctx.count;
  if (ctx.firstUnit >= 0) {
    // Convert the UTF-16 index of the first unmappable character to a UTF-8 offset.
    int32_t utf8 = 0;
    u_strToUTF8(nullptr, 0, &utf8, text.getBuffer(), ctx.firstUnit, &restore);
    *firstUnmappedOffset = utf8;
  }
  if (U_FAILURE(ec)) return 0;
  uint8_t *buffer = static_cast<uint8_t *>(malloc(used + 1));
  if (buffer == nullptr) {
    ec = U_MEMORY_ALLOCATION_ERROR;
    return 0;
  }
  memcpy(buffer, bytes.data(), used);
  *out = buffer;
  return static_cast<int32_t>(used);
}
