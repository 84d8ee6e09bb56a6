/*
 * matn.h — the C ABI of Matn (libMatnC.so), for Python's ctypes and any language
 * that can call C. Built by `swift build -c release --product MatnC`.
 *
 * Text: UTF-8 bytes with an explicit length (NUL bytes are text like any other);
 * invalid UTF-8 is refused with MATN_E_UTF8, never replaced silently. The one
 * exception is matn_parse_article, which takes raw file bytes in any charset and
 * decodes them as `matn normalize` does.
 *
 * Batches: `count` texts packed in one buffer, text i being
 * data[offsets[i] ..< offsets[i + 1]] (offsets holds count + 1 entries, the first
 * usually 0). Results come back the same way: one buffer and count + 1 offsets.
 *
 * Batches of strings that index code points (the *_texts functions, added after the
 * *_batch ones, whose signatures stay as they were; look them up before use with a
 * library that may be older):
 * the same, but every offset counts Unicode scalars, not bytes, in `data` (`length`
 * bytes) and in *out (*out_length bytes). A caller holding a list of such strings
 * (Python's str) passes them joined into one and encoded once, with the running sums
 * of their lengths, and slices the decoded result by the offsets that come back: no
 * text is copied, encoded or decoded on its own on either side of the call.
 *
 * Memory: every pointer the library hands out (*out, *out_offsets, *error) was
 * allocated by it and is released with matn_free, by the caller, once. On an error
 * the outputs are set to NULL (lengths to 0) and nothing needs freeing but *error.
 * Passing NULL for `error` is allowed: the message is then not made.
 *
 * Errors: each function returns a matn_status; MATN_OK is 0. *error then holds a
 * NUL-terminated UTF-8 message saying what was wrong (for a batch, which text).
 *
 * Threads: every function may be called from any number of threads at once; the
 * library keeps no per-call state between calls and no global state but its
 * read-only models, loaded once on first use.
 *
 * Outputs are the same bytes the `matn` command line writes for the same input:
 *   matn_clean        `matn clean --profile P`
 *   matn_detect       `matn detect --per document` (code and confidence)
 *   matn_spans        `matn detect --per run`
 *   matn_romanize     `matn translit --top K`
 *   matn_name_keys    `matn translit --key display|ascii|phonetic`
 *   matn_parse_article  a line of `matn normalize --jsonl` for a {"base64": …} record
 */
#ifndef MATN_H
#define MATN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef int32_t matn_status;

enum {
  MATN_OK = 0,
  /* A required pointer was NULL (a text, an output, offsets). */
  MATN_E_NULL = 1,
  /* A text is not valid UTF-8 (or, for matn_clean_units, holds a code point that is not a
     Unicode scalar value); the message says where. */
  MATN_E_UTF8 = 2,
  /* An argument is not one the library knows: a profile, a style, a language code,
     top < 1, offsets that decrease or run past the data. */
  MATN_E_ARGUMENT = 3,
  /* matn_parse_article only: the input gave no article (empty, binary, undecodable,
     too large). *out still holds its JSON error record, as `matn normalize --jsonl`
     writes it: {"id":…,"error":{"kind":…,"message":…}}. */
  MATN_E_ARTICLE = 4,
  /* Memory could not be allocated. */
  MATN_E_MEMORY = 5,
};

/* The library's version, a static string ("0.1.0"): never freed. */
const char *matn_version(void);

/* Releases what the library allocated (NULL is allowed). */
void matn_free(void *pointer);

/* Normalises text with a profile: "display", "article", "model" or "index" (NULL:
   "article"). *out: the normalised text (UTF-8, not NUL-terminated), *out_length its
   bytes. */
matn_status matn_clean(const char *text, size_t length, const char *profile, char **out, size_t *out_length,
                       char **error);
matn_status matn_clean_batch(const char *data, const size_t *offsets, size_t count, const char *profile, char **out,
                             size_t **out_offsets, char **error);
/* matn_clean_batch with offsets in Unicode scalars ("Batches of strings"). */
matn_status matn_clean_texts(const char *data, size_t length, const size_t *offsets, size_t count, const char *profile,
                             char **out, size_t *out_length, size_t **out_offsets, char **error);

/* matn_clean on text held as fixed-width code units, the form of a host's own strings
   (Python's str keeps one byte, two or four per code point, the narrowest its text
   fits), so that the host neither encodes its string to UTF-8 nor decodes the result:
   the library reads the units in place and writes the result as units.
   `text`: `count` code points of `width` bytes each, in the machine's byte order:
   1 (Latin-1: U+0000–U+00FF), 2 (UCS-2: U+0000–U+FFFF, each unit a code point, not
   UTF-16) or 4 (UTF-32). A surrogate (U+D800–U+DFFF) or a value above U+10FFFF is
   refused with MATN_E_UTF8, the message giving its index; another width or a negative
   count with MATN_E_ARGUMENT.
   *out: the normalised text as *out_count code points of *out_width bytes each, the
   narrowest width that holds them all (1, 2 or 4), in memory the library allocated
   with room for 16 more units (never NULL on success; freed with matn_free). The text
   is the one matn_clean gives for the same code points in UTF-8. */
matn_status matn_clean_units(const void *text, size_t count, int32_t width, const char *profile, void **out,
                             size_t *out_count, int32_t *out_width, char **error);

/* The language of a text. `languages`: comma-separated codes the answer is chosen
   from (NULL: all the library knows). *out: three lines (the last two may be empty),
   "code\tconfidence\n" the answer ("und\t0.0" when the text has no letters),
   "code\tconfidence[\tcode\tconfidence…]\n" its runners-up, best first, and the same
   for the mix: the languages of a text that holds several, each with its share of the
   letters (then the answer is the largest share). Numbers are decimals as Swift prints
   them ("0.9987", "1.0", "5e-05"). */
matn_status matn_detect(const char *text, size_t length, const char *languages, char **out, size_t *out_length,
                        char **error);
matn_status matn_detect_batch(const char *data, const size_t *offsets, size_t count, const char *languages,
                              char **out, size_t **out_offsets, char **error);
/* matn_detect_batch with offsets in Unicode scalars. */
matn_status matn_detect_texts(const char *data, size_t length, const size_t *offsets, size_t count,
                              const char *languages, char **out, size_t *out_length, size_t **out_offsets,
                              char **error);

/* The language of each span of one script and language (`matn detect --per run`).
   *out: one line per span, each ended by "\n":
   "byte_start\tbyte_end\tscalar_start\tscalar_end\tscript\tcode\tconfidence"
   (offsets into the text, half-open, in UTF-8 bytes and in Unicode scalars; the
   script as its ISO 15924 code). */
matn_status matn_spans(const char *text, size_t length, const char *languages, char **out, size_t *out_length,
                       char **error);
matn_status matn_spans_batch(const char *data, const size_t *offsets, size_t count, const char *languages,
                             char **out, size_t **out_offsets, char **error);
/* matn_spans_batch with offsets in Unicode scalars (the offsets in each
   result's lines stay relative to its text, in bytes and in scalars as above). */
matn_status matn_spans_texts(const char *data, size_t length, const size_t *offsets, size_t count,
                             const char *languages, char **out, size_t *out_length, size_t **out_offsets,
                             char **error);

/* The best `top` romanisations of a name, best first. `style`: "iran" (NULL),
   "afghanistan" or "any". *out: "form\tscore" lines, each ended by "\n" (none for a
   name without letters). */
matn_status matn_romanize(const char *name, size_t length, int32_t top, const char *style, char **out,
                          size_t *out_length, char **error);
matn_status matn_romanize_batch(const char *data, const size_t *offsets, size_t count, int32_t top, const char *style,
                                char **out, size_t **out_offsets, char **error);
/* matn_romanize_batch with offsets in Unicode scalars. */
matn_status matn_romanize_texts(const char *data, size_t length, const size_t *offsets, size_t count, int32_t top,
                                const char *style, char **out, size_t *out_length, size_t **out_offsets,
                                char **error);

/* A name's index keys. *out: "display\tascii\tphonetic". */
matn_status matn_name_keys(const char *name, size_t length, const char *style, char **out, size_t *out_length,
                           char **error);
matn_status matn_name_keys_batch(const char *data, const size_t *offsets, size_t count, const char *style, char **out,
                                 size_t **out_offsets, char **error);
/* matn_name_keys_batch with offsets in Unicode scalars. */
matn_status matn_name_keys_texts(const char *data, size_t length, const size_t *offsets, size_t count,
                                 const char *style, char **out, size_t *out_length, size_t **out_offsets,
                                 char **error);

/* One raw article (file bytes in any charset) as its article JSON, one line without
   the newline. `id` (UTF-8, NUL-terminated; NULL: `path`, else "") is the article's
   id; `path` (NULL allowed) is recorded as its source path, never opened. On
   MATN_E_ARTICLE, *out holds the error record. */
matn_status matn_parse_article(const uint8_t *data, size_t length, const char *id, const char *path, char **out,
                               size_t *out_length, char **error);
/* Many articles; ids[i] and paths[i] as above (either array may be NULL). Each
   result is its article or its error record: MATN_E_ARTICLE is never returned. */
matn_status matn_parse_article_batch(const uint8_t *data, const size_t *offsets, size_t count, const char *const *ids,
                                     const char *const *paths, char **out, size_t **out_offsets, char **error);

#ifdef __cplusplus
}
#endif

#endif /* MATN_H */
