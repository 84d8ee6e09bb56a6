#include "matn_resources.h"

#include <string.h>

#define DECLARE(name)                   \
  extern const uint8_t name##_start[];  \
  extern const uint8_t name##_end[];

DECLARE(matn_res_verbs)
DECLARE(matn_res_adjectives)
DECLARE(matn_res_compounds)
DECLARE(matn_res_compoundshazm)
DECLARE(matn_res_affixwords)
DECLARE(matn_res_langid)
DECLARE(matn_res_langwords)
DECLARE(matn_res_langknown)
DECLARE(matn_res_langpairs)
DECLARE(matn_res_fanames)
DECLARE(matn_res_fagiven)
DECLARE(matn_res_facommon)
DECLARE(matn_res_latingiven)
DECLARE(matn_res_notnames)
DECLARE(matn_res_months)
DECLARE(matn_res_thingwords)
DECLARE(matn_res_titles)
DECLARE(matn_res_nameendings)
DECLARE(matn_res_faevidence)
DECLARE(matn_res_censusgiven)
DECLARE(matn_res_foreigngiven)
DECLARE(matn_res_wordodds)
DECLARE(matn_res_articlelines)
DECLARE(matn_res_articleschema)
DECLARE(matn_res_articleplaces)
DECLARE(matn_res_articleagencies)
DECLARE(matn_res_articlecutwords)
DECLARE(matn_res_zhreadings)
DECLARE(matn_res_falexicon)
DECLARE(matn_res_famodel)
DECLARE(matn_res_tscripts)
DECLARE(matn_res_tclasses)
DECLARE(matn_res_tlowercase)
DECLARE(matn_res_tstagescan)
DECLARE(matn_res_tletterscan)
DECLARE(matn_res_titemizer)
DECLARE(matn_res_tpersianlexicon)
DECLARE(matn_res_tcompounds)
DECLARE(matn_res_tnametables)
DECLARE(matn_res_tdatelinetables)
DECLARE(matn_res_twordevidence)
DECLARE(matn_res_tknownwords)
DECLARE(matn_res_tnameparts)
DECLARE(matn_res_tmojibake)

#define ENTRY(path, name) {path, name##_start, name##_end}

static const struct {
  const char *name;
  const uint8_t *start;
  const uint8_t *end;
} table[] = {
    ENTRY("Orthography/verbs.tsv", matn_res_verbs),
    ENTRY("Orthography/adjectives.txt", matn_res_adjectives),
    ENTRY("Orthography/compounds.tsv", matn_res_compounds),
    ENTRY("Orthography/compounds-hazm.tsv", matn_res_compoundshazm),
    ENTRY("Orthography/affix-words.tsv", matn_res_affixwords),
    ENTRY("Language/langid.bin", matn_res_langid),
    ENTRY("Language/words.tsv", matn_res_langwords),
    ENTRY("Language/known-words.tsv", matn_res_langknown),
    ENTRY("Language/pairs.bin", matn_res_langpairs),
    ENTRY("Names/fa-name-parts.tsv", matn_res_fanames),
    ENTRY("Names/fa-given-names.txt", matn_res_fagiven),
    ENTRY("Names/fa-given-names-common.txt", matn_res_facommon),
    ENTRY("Names/given-names-latin.txt", matn_res_latingiven),
    ENTRY("Names/not-names.txt", matn_res_notnames),
    ENTRY("Names/months.txt", matn_res_months),
    ENTRY("Names/thing-words.txt", matn_res_thingwords),
    ENTRY("Names/titles.tsv", matn_res_titles),
    ENTRY("Names/name-endings.tsv", matn_res_nameendings),
    ENTRY("Names/fa-name-evidence.tsv", matn_res_faevidence),
    ENTRY("Names/given-names-census.txt", matn_res_censusgiven),
    ENTRY("Names/fa-given-names-foreign.txt", matn_res_foreigngiven),
    ENTRY("Names/fa-name-word-odds.tsv", matn_res_wordodds),
    ENTRY("Article/lines.tsv", matn_res_articlelines),
    ENTRY("Article/article.schema.json", matn_res_articleschema),
    ENTRY("Article/places.tsv", matn_res_articleplaces),
    ENTRY("Article/agencies.tsv", matn_res_articleagencies),
    ENTRY("Article/title-cut-words.txt", matn_res_articlecutwords),
    ENTRY("Names/zh-readings.tsv", matn_res_zhreadings),
    ENTRY("Names/fa-name-lexicon.tsv", matn_res_falexicon),
    ENTRY("Names/fa-name-model.bin", matn_res_famodel),
    ENTRY("Tables/scripts.bin", matn_res_tscripts),
    ENTRY("Tables/classes.bin", matn_res_tclasses),
    ENTRY("Tables/lowercase.bin", matn_res_tlowercase),
    ENTRY("Tables/stage-scan.bin", matn_res_tstagescan),
    ENTRY("Tables/letter-statistics-scan.bin", matn_res_tletterscan),
    ENTRY("Tables/itemizer-classes.bin", matn_res_titemizer),
    ENTRY("Tables/persian-lexicon.bin", matn_res_tpersianlexicon),
    ENTRY("Tables/compounds.bin", matn_res_tcompounds),
    ENTRY("Tables/name-tables.bin", matn_res_tnametables),
    ENTRY("Tables/dateline-tables.bin", matn_res_tdatelinetables),
    ENTRY("Tables/word-evidence.bin", matn_res_twordevidence),
    ENTRY("Tables/known-words.bin", matn_res_tknownwords),
    ENTRY("Tables/name-parts.bin", matn_res_tnameparts),
    ENTRY("Tables/mojibake-classes.bin", matn_res_tmojibake),
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
