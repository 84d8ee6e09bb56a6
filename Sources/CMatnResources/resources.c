#include "matn_resources.h"

#include <string.h>

#define DECLARE(name)                   \
  extern const uint8_t name##_start[];  \
  extern const uint8_t name##_end[];

DECLARE(matn_res_verbs)
DECLARE(matn_res_adjectives)
DECLARE(matn_res_compounds)
DECLARE(matn_res_langid)
DECLARE(matn_res_langwords)
DECLARE(matn_res_fanames)
DECLARE(matn_res_zhreadings)

#define ENTRY(path, name) {path, name##_start, name##_end}

static const struct {
  const char *name;
  const uint8_t *start;
  const uint8_t *end;
} table[] = {
    ENTRY("Orthography/verbs.tsv", matn_res_verbs),
    ENTRY("Orthography/adjectives.txt", matn_res_adjectives),
    ENTRY("Orthography/compounds.tsv", matn_res_compounds),
    ENTRY("Language/langid.bin", matn_res_langid),
    ENTRY("Language/words.tsv", matn_res_langwords),
    ENTRY("Names/fa-name-parts.tsv", matn_res_fanames),
    ENTRY("Names/zh-readings.tsv", matn_res_zhreadings),
};

const uint8_t *matn_resource(const char *name, int64_t *length) {
  for (size_t i = 0; i < sizeof table / sizeof table[0]; ++i) {
    if (strcmp(table[i].name, name) == 0) {
      *length = (int64_t)(table[i].end - table[i].start);
      return table[i].start;
    }
  }
  *length = 0;
  return 0;
}
