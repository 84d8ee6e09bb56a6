// Embeds the files of Resources/ (found through the target's header search path).
// SwiftPM does not track .incbin'ed files: touch this file (or clean) after
// regenerating a resource.

#ifdef __APPLE__
#define SECTION .const_data
#define SYM(name) _##name
#else
#define SECTION .section .rodata
#define SYM(name) name
#endif

#define EMBED(name, path)        \
  .globl SYM(name##_start);      \
  .globl SYM(name##_end);        \
  .balign 16;                    \
  SYM(name##_start):             \
  .incbin path;                  \
  SYM(name##_end):               \
  .byte 0

  SECTION
EMBED(matn_res_verbs, "Orthography/verbs.tsv")
EMBED(matn_res_adjectives, "Orthography/adjectives.txt")
EMBED(matn_res_compounds, "Orthography/compounds.tsv")
EMBED(matn_res_compoundshazm, "Orthography/compounds-hazm.tsv")
EMBED(matn_res_affixwords, "Orthography/affix-words.tsv")
EMBED(matn_res_langid, "Language/langid.bin")
EMBED(matn_res_langwords, "Language/words.tsv")
EMBED(matn_res_langknown, "Language/known-words.tsv")
EMBED(matn_res_langpairs, "Language/pairs.bin")
EMBED(matn_res_fanames, "Names/fa-name-parts.tsv")
EMBED(matn_res_fagiven, "Names/fa-given-names.txt")
EMBED(matn_res_facommon, "Names/fa-given-names-common.txt")
EMBED(matn_res_latingiven, "Names/given-names-latin.txt")
EMBED(matn_res_notnames, "Names/not-names.txt")
EMBED(matn_res_months, "Names/months.txt")
EMBED(matn_res_thingwords, "Names/thing-words.txt")
EMBED(matn_res_titles, "Names/titles.tsv")
EMBED(matn_res_nameendings, "Names/name-endings.tsv")
EMBED(matn_res_faevidence, "Names/fa-name-evidence.tsv")
EMBED(matn_res_censusgiven, "Names/given-names-census.txt")
EMBED(matn_res_foreigngiven, "Names/fa-given-names-foreign.txt")
EMBED(matn_res_wordodds, "Names/fa-name-word-odds.tsv")
EMBED(matn_res_articlelines, "Article/lines.tsv")
EMBED(matn_res_articleschema, "Article/article.schema.json")
EMBED(matn_res_articleplaces, "Article/places.tsv")
EMBED(matn_res_articleagencies, "Article/agencies.tsv")
EMBED(matn_res_articlecutwords, "Article/title-cut-words.txt")
EMBED(matn_res_zhreadings, "Names/zh-readings.tsv")
EMBED(matn_res_falexicon, "Names/fa-name-lexicon.tsv")
EMBED(matn_res_famodel, "Names/fa-name-model.bin")
EMBED(matn_res_tscripts, "Tables/scripts.bin")
EMBED(matn_res_tclasses, "Tables/classes.bin")
EMBED(matn_res_tlowercase, "Tables/lowercase.bin")
EMBED(matn_res_tstagescan, "Tables/stage-scan.bin")
EMBED(matn_res_tletterscan, "Tables/letter-statistics-scan.bin")
EMBED(matn_res_titemizer, "Tables/itemizer-classes.bin")
EMBED(matn_res_tpersianlexicon, "Tables/persian-lexicon.bin")
EMBED(matn_res_tcompounds, "Tables/compounds.bin")
EMBED(matn_res_tnametables, "Tables/name-tables.bin")
EMBED(matn_res_tdatelinetables, "Tables/dateline-tables.bin")
EMBED(matn_res_twordevidence, "Tables/word-evidence.bin")
EMBED(matn_res_tknownwords, "Tables/known-words.bin")
EMBED(matn_res_tnameparts, "Tables/name-parts.bin")
EMBED(matn_res_tmojibake, "Tables/mojibake-classes.bin")

#ifndef __APPLE__
  .section .note.GNU-stack,"",@progbits
#endif
