// Script and Script_Extensions (uscript).

#include "cicu_shim.h"
#include "internal.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

extern "C" int32_t cicu_script_of(uint32_t scalar, int32_t *status) {
  UErrorCode &ec = cicu::code(status);
  if (U_FAILURE(ec)) return USCRIPT_INVALID_CODE;
  return uscript_getScript(static_cast<UChar32>(scalar), &ec);
}

extern "C" int32_t cicu_script_extensions(uint32_t scalar, int32_t *out, int32_t capacity,
                                          int32_t *status) {
  UErrorCode &ec = cicu::code(status);
  if (U_FAILURE(ec)) return 0;
  return uscript_getScriptExtensions(static_cast<UChar32>(scalar),
                                     reinterpret_cast<UScriptCode *>(out), capacity, &ec);
}

extern "C" int32_t cicu_script_has(uint32_t scalar, int32_t script) {
  return uscript_hasScript(static_cast<UChar32>(scalar), static_cast<UScriptCode>(script)) ? 1 : 0;
}

extern "C" const char *cicu_script_code(int32_t script) {
  return uscript_getShortName(static_cast<UScriptCode>(script));
}

extern "C" const char *cicu_script_name(int32_t script) {
  return uscript_getName(static_cast<UScriptCode>(script));
}

extern "C" int32_t cicu_script_from_name(const char *name) {
  return u_getPropertyValueEnum(UCHAR_SCRIPT, name);
}

extern "C" int32_t cicu_script_limit(void) { return u_getIntPropertyMaxValue(UCHAR_SCRIPT) + 1; }

extern "C" int32_t cicu_script_is_right_to_left(int32_t script) {
  return uscript_isRightToLeft(static_cast<UScriptCode>(script)) ? 1 : 0;
}

extern "C" int32_t cicu_scripts_utf8(const uint8_t *src, int32_t length, int32_t *out,
                                     int32_t capacity) {
  int32_t i = 0, n = 0;
  while (i < length && n < capacity) {
    UChar32 c;
    U8_NEXT(src, i, length, c);
    if (c < 0) c = 0xFFFD;
    UErrorCode ec = U_ZERO_ERROR;
    out[n++] = uscript_getScript(c, &ec);
  }
  return n;
}

extern "C" int32_t cicu_joining_type(uint32_t scalar) {
  return u_getIntPropertyValue(static_cast<UChar32>(scalar), UCHAR_JOINING_TYPE);
}

extern "C" int32_t cicu_is_extended_pictographic(uint32_t scalar) {
  return u_hasBinaryProperty(static_cast<UChar32>(scalar), UCHAR_EXTENDED_PICTOGRAPHIC) ? 1 : 0;
}

extern "C" int32_t cicu_is_emoji_modifier(uint32_t scalar) {
  return u_hasBinaryProperty(static_cast<UChar32>(scalar), UCHAR_EMOJI_MODIFIER) ? 1 : 0;
}

extern "C" int32_t cicu_bidi_paired_bracket_type(uint32_t scalar) {
  return u_getIntPropertyValue(static_cast<UChar32>(scalar), UCHAR_BIDI_PAIRED_BRACKET_TYPE);
}

extern "C" uint32_t cicu_bidi_paired_bracket(uint32_t scalar) {
  return static_cast<uint32_t>(u_getBidiPairedBracket(static_cast<UChar32>(scalar)));
}

extern "C" int32_t cicu_bidi_class(uint32_t scalar) {
  return static_cast<int32_t>(u_charDirection(static_cast<UChar32>(scalar)));
}
