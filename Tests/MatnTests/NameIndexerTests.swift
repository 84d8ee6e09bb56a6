import Testing

@testable import Matn

@Suite("NameIndexer")
struct NameIndexerTests {
  let indexer = NameIndexer.shared

  @Test(
    "display: lexicon press spellings, compounds split, suffixes after ZWNJ",
    arguments: [
      ("حسن روحانی", "Hassan Rouhani"),
      ("علی اکبر ولایتی", "Ali Akbar Velayati"),
      ("علی خامنه‌ای", "Ali Khamenei"),
      ("محمدجواد ظریف", "Mohammad Javad Zarif"),
      ("سیدحسن نصیری", "Seyyed Hassan Nasiri"),
    ])
  func persianLexicon(native: String, expected: String) {
    #expect(indexer.keys(for: native).display == expected)
  }

  @Test(
    "display: letter rules with short-vowel insertion for words outside the lexicon",
    arguments: [
      ("بهرام", "Bahram"), ("جمشید", "Jamshid"), ("کامران", "Kamran"), ("احمد", "Ahmad"),
      ("وحید", "Vahid"), ("داوود", "Davoud"), ("لواسان", "Lavasan"), ("شیرازپور", "Shirazpour"),
    ])
  func persianRules(native: String, expected: String) {
    #expect(indexer.keys(for: native).display == expected)
  }

  @Test("display: -i and -zadeh on a lexicon stem (Hosseini, Rezaei, Hassanzadeh)")
  func persianSuffixes() {
    #expect(indexer.keys(for: "حسینی").display == "Hosseini")
    #expect(indexer.keys(for: "رضایی").display == "Rezaei")
    #expect(indexer.keys(for: "حسن‌زاده").display == "Hassanzadeh")
    #expect(indexer.keys(for: "حسنزاده").display == "Hassanzadeh")
  }

  @Test("Arabic variant letters and harakat are folded before lookup")
  func arabicVariants() {
    #expect(indexer.keys(for: "علي").display == "Ali")
    #expect(indexer.keys(for: "مُحَمَّد").display == "Mohammad")
  }

  @Test("Russian: BGN with each word capitalised, soft-sign apostrophes dropped")
  func russian() {
    #expect(indexer.keys(for: "Леонид Петрович Решетников").display == "Leonid Petrovich Reshetnikov")
    #expect(indexer.keys(for: "Никита Хрущёв").display == "Nikita Khrushchev")
    #expect(indexer.keys(for: "Ильич").display == "Ilich")
  }

  @Test("Chinese: family name, then the given name's syllables joined")
  func chinese() {
    #expect(indexer.keys(for: "习近平").display == "Xi Jinping")
    #expect(indexer.keys(for: "毛泽东").display == "Mao Zedong")
    #expect(indexer.keys(for: "欧阳修").display == "Ouyang Xiu")
  }

  @Test("Latin with diacritics is folded; other scripts go through Any-Latin")
  func latinAndOther() {
    #expect(indexer.keys(for: "Takht-e Qeyşar").display == "Takht-e Qeysar")
    #expect(indexer.keys(for: "Āzādī").ascii == "azadi")
    #expect(indexer.keys(for: "Αθήνα").display == "Athena")
  }

  @Test("ascii is the lower-case ASCII fold of display")
  func ascii() {
    #expect(indexer.keys(for: "Ali Khamene'i").ascii == "ali khamenei")
    #expect(indexer.keys(for: "حسن روحانی").ascii == "hassan rouhani")
  }

  @Test(
    "phonetic: press variants and the native form share one key",
    arguments: [
      ["Hassan Rouhani", "Hasan Rohani", "Hassan Rowhani", "حسن روحانی"],
      ["Ali Khamenei", "Ali Khamene'i", "علی خامنه‌ای"],
      ["Mohammad", "Mohammed", "Muhammad", "محمد"],
      ["Qasem Soleimani", "Ghasem Soleimani", "قاسم سلیمانی"],
    ])
  func phonetic(variants: [String]) {
    let keys = Set(variants.map { indexer.keys(for: $0).phonetic })
    #expect(keys.count == 1, "\(keys)")
  }

  @Test("no Arabic-script letter survives, whatever the word")
  func noArabicLeaks() {
    let words = ["ئاراس", "پُرءِ", "ۀ", "ﻻله", "ٱلله", "ڤ", "ۆ", "ھ", "ىۍ", "‌ای", "ﷲ", "۱۲۳"]
    for word in words {
      let keys = indexer.keys(for: word)
      let allASCII = keys.display.unicodeScalars.allSatisfy { $0.isASCII } && keys.ascii.unicodeScalars.allSatisfy { $0.isASCII }
      #expect(allASCII, "\(word) → \(keys.display)")
    }
  }
}
