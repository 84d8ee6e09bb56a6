// CICUShim — the only place where Matn touches ICU's C/C++ API.
//
// This header is deliberately ICU-free: it uses only <stdint.h> types and opaque
// pointers, so Swift can import it next to Foundation (whose own ICU copy would
// clash with system ICU headers at the Clang-module level; see ICU.md).
//
// Conventions
// - Every symbol is prefixed `cicu_`.
// - `status` is an ICU `UErrorCode`: > 0 failure, <= 0 success (< 0 a warning).
//   Functions return early without doing anything if `*status > 0` on entry.
// - Text is UTF-8 (`uint8_t *`, `int32_t` length) unless a name says otherwise.
// - Buffers that the shim allocates (`uint8_t **out`) are released with `cicu_free`.
// - Loops over text live here, not in Swift: a call costs ~6 ns.

#ifndef CICU_SHIM_H
#define CICU_SHIM_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

// MARK: - Errors and memory

/// The symbolic name of an ICU error code, e.g. "U_BUFFER_OVERFLOW_ERROR".
const char *cicu_error_name(int32_t status);

/// Releases a buffer that a `cicu_` function allocated.
void cicu_free(void *pointer);

/// The version of the ICU library in use, e.g. "72.1".
const char *cicu_icu_version(void);

/// The Unicode version ICU implements, e.g. "15.0".
const char *cicu_unicode_version(void);

// MARK: - Arabic shaping (u_shapeArabic)

enum {
  CICU_SHAPE_LETTERS_SHAPE = 8,          /* U_SHAPE_LETTERS_SHAPE */
  CICU_SHAPE_TEXT_DIRECTION_LOGICAL = 0,  /* U_SHAPE_TEXT_DIRECTION_LOGICAL */
  CICU_SHAPE_LENGTH_GROW_SHRINK = 0,      /* U_SHAPE_LENGTH_GROW_SHRINK */
};

/// Shapes Arabic letters in `src` (UTF-8) with `options` (u_shapeArabic's flags); the
/// result is a new UTF-8 buffer in `*out` (free with `cicu_free`). Returns its length.
int32_t cicu_shape_arabic_utf8(const uint8_t *src, int32_t length, uint32_t options, uint8_t **out,
                               int32_t *status);

// MARK: - Normalization (icu::Normalizer2 on UTF-8)

enum {
  CICU_NORM_NFC = 0,
  CICU_NORM_NFD = 1,
  CICU_NORM_NFKC = 2,
  CICU_NORM_NFKD = 3,
  CICU_NORM_NFKC_CASEFOLD = 4,
};

/// Returns the immutable, shareable normalizer singleton for `form`.
const void *cicu_normalizer_instance(int32_t form, int32_t *status);

/// 1 when `src` is already in the normalizer's form, else 0.
int32_t cicu_normalizer_is_normalized_utf8(const void *normalizer, const uint8_t *src,
                                           int32_t length, int32_t *status);

/// Normalizes `src` into `dest`. Returns the full output length; when it exceeds
/// `capacity`, sets `*status` to U_BUFFER_OVERFLOW_ERROR (call again with more room).
int32_t cicu_normalizer_normalize_utf8(const void *normalizer, const uint8_t *src,
                                       int32_t length, uint8_t *dest, int32_t capacity,
                                       int32_t *status);

/// Whether code point `c` is simple in `form` (CICU_NORM_*): a normalization boundary
/// before it and unchanged by the form on its own, so that text made only of simple
/// code points is in the form. Supplementary code points answer 0 (conservative).
int32_t cicu_normalizer_is_simple(int32_t form, uint32_t c);

/// The length of the longest prefix of `src` that is certainly in the form of `form`
/// (a CICU_NORM_ value) and ends at a normalization boundary: every code point in it
/// has a boundary before it and is unchanged by the form. A table-driven scan, much
/// faster than ICU's general check on text that is already normalized; ICU checks
/// the rest from the returned offset.
int32_t cicu_normalizer_simple_prefix_utf8(int32_t form, const uint8_t *src, int32_t length);

/// The same for input known to be well-formed UTF-8 (a Swift String's storage): it may
/// scan 16 bytes at a time with vector instructions.
int32_t cicu_normalizer_simple_prefix_valid_utf8(int32_t form, const uint8_t *src, int32_t length);

/// Where well-formed UTF-8 `src` first needs the form of `form` (a CICU_NORM_ value;
/// `normalizer` its instance): the start of the first window, between two normalization
/// boundaries, that is not in the form (its end in `*windowEnd`), or `length` when all
/// of `src` is. Before the window the text is in the form. Simple code points are
/// skipped by the vector scan; ICU checks only the windows of other code points between
/// them, so that text changes only in those windows, and a text normalised window by
/// window from there gives what normalising it whole gives.
int32_t cicu_normalizer_unnormalized_window_valid_utf8(const void *normalizer, int32_t form, const uint8_t *src,
                                                       int32_t length, int32_t *windowEnd, int32_t *status);

/// 1 when normalization never interacts across a boundary just before `scalar`
/// (text can be split there and normalized in pieces).
int32_t cicu_normalizer_has_boundary_before(const void *normalizer, uint32_t scalar);

// MARK: - Transliteration (icu::Transliterator)

typedef struct cicu_transliterator cicu_transliterator;

/// Opens a system transliterator by ID (`rules == NULL`) or a custom one from a rule
/// string. `reverse` selects the reverse direction. On a rule syntax error,
/// `*errorLine`/`*errorOffset` locate it.
cicu_transliterator *cicu_translit_open(const uint8_t *id, int32_t idLength,
                                        const uint8_t *rules, int32_t rulesLength,
                                        int32_t reverse, int32_t *errorLine,
                                        int32_t *errorOffset, int32_t *status);
cicu_transliterator *cicu_translit_clone(const cicu_transliterator *transliterator,
                                         int32_t *status);
void cicu_translit_close(cicu_transliterator *transliterator);

/// Transliterates `src`; the result is a new buffer in `*out` (free with `cicu_free`).
/// Returns its length.
int32_t cicu_translit_utf8(const cicu_transliterator *transliterator, const uint8_t *src,
                           int32_t length, uint8_t **out, int32_t *status);

/// The transliterator's ID as a new UTF-8 buffer in `*out`. Returns its length.
int32_t cicu_translit_id(const cicu_transliterator *transliterator, uint8_t **out,
                         int32_t *status);

/// All system transliterator IDs, separated by line feeds, as a new UTF-8 buffer.
int32_t cicu_translit_available_ids(uint8_t **out, int32_t *status);

// MARK: - Scripts (uscript)

/// The Script property value (a UScriptCode) of `scalar`.
int32_t cicu_script_of(uint32_t scalar, int32_t *status);

/// Writes the Script_Extensions of `scalar` to `out`; returns their count (when it
/// exceeds `capacity`, sets U_BUFFER_OVERFLOW_ERROR).
int32_t cicu_script_extensions(uint32_t scalar, int32_t *out, int32_t capacity,
                               int32_t *status);

/// 1 when `script` is in the Script_Extensions of `scalar`.
int32_t cicu_script_has(uint32_t scalar, int32_t script);

/// ISO 15924 code ("Arab") and long name ("Arabic") of a script, or NULL.
const char *cicu_script_code(int32_t script);
const char *cicu_script_name(int32_t script);

/// The script for an ISO 15924 code or a property value name; -1 when unknown.
int32_t cicu_script_from_name(const char *name);

/// One past the largest script value.
int32_t cicu_script_limit(void);

/// 1 when `script` is written right to left (Arabic, Hebrew, Syriac, Thaana, N'Ko…).
int32_t cicu_script_is_right_to_left(int32_t script);

/// Writes the Script value of each scalar of `src` to `out` (capacity >= scalar count;
/// `length` is always enough). Ill-formed sequences count as U+FFFD. Returns the
/// number of scalars.
int32_t cicu_scripts_utf8(const uint8_t *src, int32_t length, int32_t *out,
                          int32_t capacity);

// MARK: - Character properties (uchar)

/// Joining_Type of `scalar`: 0 U (non-joining), 1 C (join-causing), 2 D (dual),
/// 3 L (left), 4 R (right), 5 T (transparent) — UJoiningType.
int32_t cicu_joining_type(uint32_t scalar);

/// 1 when `scalar` has the Extended_Pictographic property (emoji and relatives).
int32_t cicu_is_extended_pictographic(uint32_t scalar);

/// 1 when `scalar` has the Emoji_Modifier property (skin tones).
int32_t cicu_is_emoji_modifier(uint32_t scalar);

/// Bidi_Paired_Bracket_Type of `scalar`: 0 None, 1 Open, 2 Close (UBidiPairedBracketType).
int32_t cicu_bidi_paired_bracket_type(uint32_t scalar);

/// Bidi_Paired_Bracket of `scalar`: the bracket it pairs with, or `scalar` itself.
uint32_t cicu_bidi_paired_bracket(uint32_t scalar);

/// Bidi_Class of `scalar` as ICU's UCharDirection value (0 L, 1 R, 2 EN, 3 ES, 4 ET,
/// 5 AN, 6 CS, 7 B, 8 S, 9 WS, 10 ON, 11 LRE, 12 LRO, 13 AL, 14 RLE, 15 RLO, 16 PDF,
/// 17 NSM, 18 BN, 19 FSI, 20 LRI, 21 RLI, 22 PDI).
int32_t cicu_bidi_class(uint32_t scalar);

// MARK: - Bidi (ubidi)

typedef struct cicu_bidi cicu_bidi;

enum {
  CICU_BIDI_DEFAULT_LTR = 0xfe,
  CICU_BIDI_DEFAULT_RTL = 0xff,
};

cicu_bidi *cicu_bidi_open(int32_t *status);
void cicu_bidi_close(cicu_bidi *bidi);

/// Analyses `src` (one or more paragraphs). `paragraphLevel` is 0 (LTR), 1 (RTL),
/// CICU_BIDI_DEFAULT_LTR or CICU_BIDI_DEFAULT_RTL (first strong character decides).
/// The text is copied (as UTF-16) into the object.
void cicu_bidi_set_paragraph(cicu_bidi *bidi, const uint8_t *src, int32_t length,
                             uint8_t paragraphLevel, int32_t *status);

/// Scalars in the analysed text.
int32_t cicu_bidi_scalar_count(const cicu_bidi *bidi);
/// Level of the (first) paragraph.
uint8_t cicu_bidi_paragraph_level(const cicu_bidi *bidi);
/// 0 LTR, 1 RTL, 2 mixed, 3 neutral (UBiDiDirection).
int32_t cicu_bidi_direction(const cicu_bidi *bidi);

/// Paragraphs: count, and the `index`-th one as scalar offsets and level.
int32_t cicu_bidi_paragraph_count(cicu_bidi *bidi, int32_t *status);
void cicu_bidi_paragraph(cicu_bidi *bidi, int32_t index, int32_t *scalarStart,
                         int32_t *scalarLimit, uint8_t *level, int32_t *status);

/// Resolved embedding level of each scalar (`out` holds `cicu_bidi_scalar_count`).
void cicu_bidi_levels(cicu_bidi *bidi, uint8_t *out, int32_t *status);

/// Visual order: `out[visual] = logical scalar index` (holds `scalar_count` entries).
void cicu_bidi_visual_order(cicu_bidi *bidi, int32_t *out, int32_t *status);

/// Directional runs in visual order: count, then each run as a logical scalar start,
/// scalar length, UTF-8 byte start and length, and embedding level.
int32_t cicu_bidi_run_count(cicu_bidi *bidi, int32_t *status);
void cicu_bidi_run(cicu_bidi *bidi, int32_t visualIndex, int32_t *scalarStart,
                   int32_t *scalarLength, int32_t *utf8Start, int32_t *utf8Length,
                   uint8_t *level, int32_t *status);

enum {
  CICU_BIDI_DO_MIRRORING = 2,
  CICU_BIDI_INSERT_LRM_FOR_NUMERIC = 4,
  CICU_BIDI_REMOVE_BIDI_CONTROLS = 8,
};

/// The text in visual order (ubidi_writeReordered), as a new UTF-8 buffer.
int32_t cicu_bidi_write_reordered(cicu_bidi *bidi, uint16_t options, uint8_t **out,
                                  int32_t *status);

// MARK: - Charset conversion (ucnv)

typedef struct cicu_converter cicu_converter;

cicu_converter *cicu_converter_open(const char *name, int32_t *status);
void cicu_converter_close(cicu_converter *converter);

/// ICU's canonical name of the converter's charset.
const char *cicu_converter_name(const cicu_converter *converter, int32_t *status);

/// Decodes `src` to UTF-8 in a new buffer `*out`; returns its length.
/// Every ill-formed or unmappable byte sequence becomes U+FFFD and its byte offset is
/// appended to `*badOffsets` (new buffer, `*badCount` entries; NULL when none).
/// With `strict`, decoding stops at the first such sequence with
/// U_ILLEGAL_CHAR_FOUND / U_INVALID_CHAR_FOUND and `*badOffsets` holds its offset.
int32_t cicu_converter_decode(cicu_converter *converter, const uint8_t *src, int32_t length,
                              int32_t strict, uint8_t **out, int32_t **badOffsets,
                              int32_t *badCount, int32_t *status);

/// Encodes UTF-8 `src` into the charset, in a new buffer `*out`; returns its length.
/// Unmappable characters get the charset's substitution byte(s) and are counted in
/// `*unmappedCount`; with `strict` the first one stops the conversion with
/// U_INVALID_CHAR_FOUND and `*firstUnmappedOffset` gives its UTF-8 byte offset.
int32_t cicu_converter_encode(cicu_converter *converter, const uint8_t *src, int32_t length,
                              int32_t strict, uint8_t **out, int32_t *unmappedCount,
                              int32_t *firstUnmappedOffset, int32_t *status);

// MARK: - Charset detection (ucsdet)

typedef struct cicu_charset_detector cicu_charset_detector;

cicu_charset_detector *cicu_csdet_open(int32_t *status);
void cicu_csdet_close(cicu_charset_detector *detector);

/// Detects candidate charsets of `src`, best first. For each of at most `capacity`
/// matches, writes the charset name and language (strings valid until the detector's
/// next use) and a confidence 0...100. Returns the number of matches written.
int32_t cicu_csdet_detect(cicu_charset_detector *detector, const uint8_t *src,
                          int32_t length, const char **names, const char **languages,
                          int32_t *confidences, int32_t capacity, int32_t *status);

// MARK: - Break iteration (ubrk over UText UTF-8)

typedef struct cicu_break_iterator cicu_break_iterator;

enum {
  CICU_BREAK_CHARACTER = 0,
  CICU_BREAK_WORD = 1,
  CICU_BREAK_LINE = 2,
  CICU_BREAK_SENTENCE = 3,
};

cicu_break_iterator *cicu_brk_open(int32_t kind, const char *locale, int32_t *status);
void cicu_brk_close(cicu_break_iterator *iterator);

/// Writes the boundaries of `src` (UTF-8 byte offsets, from 0 to `length`) to
/// `boundaries`, and the rule status of the segment ending at each boundary to
/// `ruleStatus` (may be NULL): every boundary from the start when `after` is negative,
/// else those after byte offset `after`, the last boundary of the previous call on the
/// same `src`, which left the text set; at most `capacity` of them. Returns how many
/// were written. The iterator lets go of `src` once the last boundary written is
/// `length`: call again until then.
int32_t cicu_brk_boundaries_utf8(cicu_break_iterator *iterator, const uint8_t *src,
                                 int32_t length, int32_t after, int32_t *boundaries,
                                 int32_t *ruleStatus, int32_t capacity, int32_t *status);

// MARK: - Calendars (ucal)

enum {
  /// Proleptic Gregorian (ISO 8601): Gregorian rules before 1582 too.
  CICU_CALENDAR_GREGORIAN = 0,
  /// Solar Hijri (Jalali), ICU's arithmetic `persian` calendar.
  CICU_CALENDAR_PERSIAN = 1,
  /// Lunar Hijri by the Umm al-Qura tables (1300–1600 AH; tabular outside).
  CICU_CALENDAR_ISLAMIC_UMALQURA = 2,
  /// Lunar Hijri, tabular (30-year cycle, Friday epoch).
  CICU_CALENDAR_ISLAMIC_CIVIL = 3,
};

/// Converts the date `year`-`month`-`day` (month 1-based) of calendar `from` into
/// calendar `to`: its year, month (1-based), day and weekday (1 = Sunday … 7 = Saturday). The fields are checked strictly (a non-lenient calendar, and the
/// fields read back unchanged): a day the month does not have, a month over 12 or a
/// year below 1 is U_ILLEGAL_ARGUMENT_ERROR, never rolled over. One calendar object per
/// kind and thread stays open (thread-local), so calls from many threads are safe.
void cicu_calendar_convert(int32_t from, int32_t year, int32_t month, int32_t day, int32_t to, int32_t *outYear,
                           int32_t *outMonth, int32_t *outDay, int32_t *outWeekday, int32_t *status);

// MARK: - Spoof checking (uspoof, UTS #39)

typedef struct cicu_spoof_checker cicu_spoof_checker;

enum {
  CICU_SPOOF_SINGLE_SCRIPT_CONFUSABLE = 1, /* USPOOF_SINGLE_SCRIPT_CONFUSABLE */
  CICU_SPOOF_MIXED_SCRIPT_CONFUSABLE = 2,  /* USPOOF_MIXED_SCRIPT_CONFUSABLE */
  CICU_SPOOF_WHOLE_SCRIPT_CONFUSABLE = 4,  /* USPOOF_WHOLE_SCRIPT_CONFUSABLE */
  CICU_SPOOF_RESTRICTION_LEVEL = 16,       /* USPOOF_RESTRICTION_LEVEL */
  CICU_SPOOF_INVISIBLE = 32,               /* USPOOF_INVISIBLE */
  CICU_SPOOF_MIXED_NUMBERS = 128,          /* USPOOF_MIXED_NUMBERS */
  CICU_SPOOF_HIDDEN_OVERLAY = 256,         /* USPOOF_HIDDEN_OVERLAY */
  CICU_SPOOF_ALL_CHECKS = 0xFFFF,          /* USPOOF_ALL_CHECKS */
  CICU_SPOOF_RESTRICTION_LEVEL_MASK = 0x7F000000, /* USPOOF_RESTRICTION_LEVEL_MASK */
};

/// Opens a spoof checker (`uspoof_openWithOptions`-style: `uspoof_open`, then
/// `uspoof_setChecks(checks)` and, when `restrictionLevel` is not 0,
/// `uspoof_setRestrictionLevel`). Configured once here: the check functions below take
/// a const checker and are thread safe (uspoof.h, "Thread Safety").
cicu_spoof_checker *cicu_spoof_open(int32_t checks, int32_t restrictionLevel, int32_t *status);
void cicu_spoof_close(cicu_spoof_checker *checker);

/// `uspoof_check2UTF8` without a result object: the failed checks of `src`; with
/// USPOOF_AUX_INFO among the checks, the identifier's restriction level is in the bits
/// of CICU_SPOOF_RESTRICTION_LEVEL_MASK.
int32_t cicu_spoof_check_utf8(const cicu_spoof_checker *checker, const uint8_t *src, int32_t length,
                              int32_t *status);

/// `uspoof_areConfusableUTF8`: the confusable kinds (CICU_SPOOF_*_CONFUSABLE bits) of
/// `a` and `b` among the checker's checks; 0 when they are not confusable.
int32_t cicu_spoof_are_confusable_utf8(const cicu_spoof_checker *checker, const uint8_t *a, int32_t aLength,
                                       const uint8_t *b, int32_t bLength, int32_t *status);

/// `uspoof_getSkeletonUTF8`: the UTS #39 skeleton of `src` as a new UTF-8 buffer in
/// `*out` (free with `cicu_free`). Returns its length.
int32_t cicu_spoof_skeleton_utf8(const cicu_spoof_checker *checker, const uint8_t *src, int32_t length,
                                 uint8_t **out, int32_t *status);

#ifdef __cplusplus
}
#endif

#endif  // CICU_SHIM_H
